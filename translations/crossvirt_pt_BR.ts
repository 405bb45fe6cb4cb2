<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name />
    <message>
        <source>Could not list the host's networks</source>
        <translation>Não foi possível listar as redes do hospedeiro</translation>
    </message>
    <message>
        <source>Could not list the host's VMs</source>
        <translation>Não foi possível listar as VMs do hospedeiro</translation>
    </message>
    <message>
        <source>Template %1 is for %2 guests; this cluster runs %3 guests</source>
        <translation>O modelo %1 é para convidados %2; este cluster executa convidados %3</translation>
    </message>
    <message>
        <source>“%1” is not a template</source>
        <translation>“%1” não é um modelo</translation>
    </message>
    <message>
        <source>Crossvirt does not know the architecture “%1”</source>
        <translation>O Crossvirt não conhece a arquitetura “%1”</translation>
    </message>
    <message>
        <source>This host cannot run %1 guests</source>
        <translation>Este hospedeiro não pode executar convidados %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Disk %1: the template's base volume %2 no longer exists</source>
        <translation>Disco %1: o volume base %2 do modelo não existe mais</translation>
    </message>
    <message>
        <source>Disk %1: an overlay needs the template's volume, which is on %2; use copies to make the VM on another host</source>
        <translation>Disco %1: um overlay precisa do volume do modelo, que está em %2; use cópias para criar a VM em outro hospedeiro</translation>
    </message>
    <message>
        <source>The host has no active storage pool for the new disks</source>
        <translation>O hospedeiro não tem pool de armazenamento ativo para os novos discos</translation>
    </message>
    <message>
        <source>Storage pool %1 is not active on the host</source>
        <translation>O pool de armazenamento %1 não está ativo no hospedeiro</translation>
    </message>
    <message>
        <source>Disk %1: %2</source>
        <translation>Disco %1: %2</translation>
    </message>
    <message>
        <source>Storage pool %1 has %2 free; the copies need %3</source>
        <translation>O pool de armazenamento %1 tem %2 livres; as cópias precisam de %3</translation>
    </message>
    <message>
        <source>The template's definition does not parse</source>
        <translation>A definição do modelo não pôde ser interpretada</translation>
    </message>
</context>
<context>
    <name>Aarch64Arch</name>
    <message>
        <source>ARM 64-bit (AArch64)</source>
        <translation>ARM 64 bits (AArch64)</translation>
    </message>
    <message>
        <source>UEFI (AAVMF)</source>
        <translation>UEFI (AAVMF)</translation>
    </message>
    <message>
        <source>aarch64 virt guests can boot only with UEFI</source>
        <translation>Convidados aarch64 virt só podem inicializar com UEFI</translation>
    </message>
    <message>
        <source>No firmware (direct kernel boot)</source>
        <translation>Sem firmware (inicialização direta do kernel)</translation>
    </message>
    <message>
        <source>libvirt has no host-model CPU for aarch64 guests</source>
        <translation>O libvirt não tem CPU host-model para convidados aarch64</translation>
    </message>
    <message>
        <source>KVM on aarch64 runs only the host's own CPU; use host-passthrough</source>
        <translation>O KVM em aarch64 executa apenas a própria CPU do hospedeiro; use host-passthrough</translation>
    </message>
    <message>
        <source>Host CPU (passthrough)</source>
        <translation>CPU do hospedeiro (passthrough)</translation>
    </message>
    <message>
        <source>ARM Cortex-A57</source>
        <translation>ARM Cortex-A57</translation>
    </message>
    <message>
        <source>ARM Cortex-A72</source>
        <translation>ARM Cortex-A72</translation>
    </message>
    <message>
        <source>ARM Neoverse N1</source>
        <translation>ARM Neoverse N1</translation>
    </message>
    <message>
        <source>QEMU maximum (emulated)</source>
        <translation>Máximo do QEMU (emulado)</translation>
    </message>
    <message>
        <source>QEMU cannot hot-plug vCPUs into aarch64 virt guests</source>
        <translation>O QEMU não consegue conectar vCPUs a quente em convidados aarch64 virt</translation>
    </message>
    <message>
        <source>aarch64 guests cannot unplug memory</source>
        <translation>Convidados aarch64 não podem remover memória</translation>
    </message>
    <message>
        <source>aarch64 guests boot from the network through UEFI, which this host does not provide</source>
        <translation>Convidados aarch64 inicializam pela rede por meio de UEFI, que este host não oferece</translation>
    </message>
    <message>
        <source>aarch64 guests see hot-plugged memory through ACPI, which needs UEFI firmware</source>
        <translation>Convidados aarch64 veem a memória conectada a quente por meio de ACPI, que requer firmware UEFI</translation>
    </message>
</context>
<context>
    <name>ArchModel</name>
    <message>
        <source>VirtIO</source>
        <translation>VirtIO</translation>
    </message>
    <message>
        <source>VirtIO-SCSI</source>
        <translation>VirtIO-SCSI</translation>
    </message>
    <message>
        <source>sPAPR VSCSI</source>
        <translation>sPAPR VSCSI</translation>
    </message>
    <message>
        <source>SATA</source>
        <translation>SATA</translation>
    </message>
    <message>
        <source>IDE</source>
        <translation>IDE</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Intel e1000e</source>
        <translation>Intel e1000e</translation>
    </message>
    <message>
        <source>Intel e1000</source>
        <translation>Intel e1000</translation>
    </message>
    <message>
        <source>Realtek RTL8139</source>
        <translation>Realtek RTL8139</translation>
    </message>
    <message>
        <source>sPAPR VLAN</source>
        <translation>sPAPR VLAN</translation>
    </message>
    <message>
        <source>VNC</source>
        <translation>VNC</translation>
    </message>
    <message>
        <source>SPICE</source>
        <translation>SPICE</translation>
    </message>
    <message>
        <source>None (headless)</source>
        <translation>Nenhum (sem tela)</translation>
    </message>
    <message>
        <source>VGA</source>
        <translation>VGA</translation>
    </message>
    <message>
        <source>VirtIO GPU</source>
        <translation>VirtIO GPU</translation>
    </message>
    <message>
        <source>QXL</source>
        <translation>QXL</translation>
    </message>
    <message>
        <source>Bochs display</source>
        <translation>Tela Bochs</translation>
    </message>
    <message>
        <source>Cirrus</source>
        <translation>Cirrus</translation>
    </message>
    <message>
        <source>RAM framebuffer</source>
        <translation>Framebuffer em RAM</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>Serial console</source>
        <translation>Console serial</translation>
    </message>
    <message>
        <source>VirtIO console</source>
        <translation>Console VirtIO</translation>
    </message>
    <message>
        <source>SCLP console</source>
        <translation>Console SCLP</translation>
    </message>
    <message>
        <source>Host model</source>
        <translation>Modelo do hospedeiro</translation>
    </message>
    <message>
        <source>Host passthrough</source>
        <translation>Passthrough do hospedeiro</translation>
    </message>
    <message>
        <source>Maximum (everything QEMU can provide)</source>
        <translation>Máximo (tudo o que o QEMU puder oferecer)</translation>
    </message>
    <message>
        <source>Named CPU model</source>
        <translation>Modelo de CPU nomeado</translation>
    </message>
    <message>
        <source>%1 is not available on %2 guests</source>
        <translation>%1 não está disponível em convidados %2</translation>
    </message>
    <message>
        <source>%1 is not available on %2 guests; use VNC</source>
        <translation>%1 não está disponível em convidados %2; use VNC</translation>
    </message>
    <message>
        <source>This host's QEMU offers no %1 for %2 guests</source>
        <translation>O QEMU deste hospedeiro não oferece %1 para convidados %2</translation>
    </message>
    <message>
        <source>Cdroms of %1 guests use %2</source>
        <translation>CD-ROMs de convidados %1 usam %2</translation>
    </message>
    <message>
        <source>This host's QEMU has no %1 machine for %2 guests</source>
        <translation>O QEMU deste hospedeiro não tem a máquina %1 para convidados %2</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1 (agora %2)</translation>
    </message>
    <message>
        <source>QEMU marks the %1 machine as deprecated</source>
        <translation>O QEMU marca a máquina %1 como obsoleta</translation>
    </message>
    <message>
        <source>This host's QEMU has no UEFI firmware for %1 guests</source>
        <translation>O QEMU deste hospedeiro não tem firmware UEFI para convidados %1</translation>
    </message>
    <message>
        <source>%1 guests need UEFI firmware, which this host does not provide</source>
        <translation>Convidados %1 precisam de firmware UEFI, que este hospedeiro não fornece</translation>
    </message>
    <message>
        <source>This host's QEMU offers no cdrom for %1 guests</source>
        <translation>O QEMU deste hospedeiro não oferece CD-ROM para convidados %1</translation>
    </message>
    <message>
        <source>This host's QEMU offers no disks for %1 guests</source>
        <translation>O QEMU deste hospedeiro não oferece discos para convidados %1</translation>
    </message>
    <message>
        <source>%1 disks cannot be added to a running %2 guest</source>
        <translation>Discos %1 não podem ser adicionados a um convidado %2 em execução</translation>
    </message>
    <message>
        <source>%1 needs KVM: this %2 guest is emulated, so it gets a named CPU model</source>
        <translation>%1 precisa de KVM: este convidado %2 é emulado, então recebe um modelo de CPU nomeado</translation>
    </message>
    <message>
        <source>This host's QEMU does not support the %1 CPU mode for %2 guests</source>
        <translation>O QEMU deste hospedeiro não suporta o modo de CPU %1 para convidados %2</translation>
    </message>
    <message>
        <source>This host cannot run the %1 CPU model</source>
        <translation>Este hospedeiro não pode executar o modelo de CPU %1</translation>
    </message>
    <message>
        <source>This host's QEMU does not know the %1 CPU model</source>
        <translation>O QEMU deste hospedeiro não conhece o modelo de CPU %1</translation>
    </message>
    <message>
        <source>This host cannot run %1 guests</source>
        <translation>Este hospedeiro não pode executar convidados %1</translation>
    </message>
    <message>
        <source>Snapshots with memory state are not possible for guests that boot UEFI; disk-only snapshots are</source>
        <translation>Snapshots com estado da memória não são possíveis para convidados que inicializam com UEFI; snapshots somente de disco são</translation>
    </message>
    <message>
        <source>POWER (pseries)</source>
        <translation>POWER (pseries)</translation>
    </message>
    <message>
        <source>s390x</source>
        <translation>s390x</translation>
    </message>
    <message>
        <source>%1 exists only on %2 guests</source>
        <translation>%1 existe apenas em convidados %2</translation>
    </message>
    <message>
        <source>%1 needs a %2 machine</source>
        <translation>%1 precisa de uma máquina %2</translation>
    </message>
    <message>
        <source>Install from an ISO image (CD-ROM)</source>
        <translation>Instalar de uma imagem ISO (CD-ROM)</translation>
    </message>
    <message>
        <source>%1 guests have no CD-ROM interface here</source>
        <translation>Convidados %1 não têm interface de CD-ROM aqui</translation>
    </message>
    <message>
        <source>Direct kernel boot (kernel, initrd, arguments)</source>
        <translation>Inicialização direta do kernel (kernel, initrd, argumentos)</translation>
    </message>
    <message>
        <source>Import an existing disk image</source>
        <translation>Importar uma imagem de disco existente</translation>
    </message>
    <message>
        <source>%1 guests have no disk interface here</source>
        <translation>Convidados %1 não têm interface de disco aqui</translation>
    </message>
    <message>
        <source>Network boot (PXE)</source>
        <translation>Inicialização pela rede (PXE)</translation>
    </message>
    <message>
        <source>%1 guests have no network card model here</source>
        <translation>Convidados %1 não têm modelo de placa de rede aqui</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>Disco rígido</translation>
    </message>
    <message>
        <source>CD-ROM</source>
        <translation>CD-ROM</translation>
    </message>
    <message>
        <source>Network (PXE)</source>
        <translation>Rede (PXE)</translation>
    </message>
    <message>
        <source>%1 guests take no device tree (DTB) file: QEMU and the firmware describe their hardware</source>
        <translation>Convidados %1 não usam arquivo de device tree (DTB): o QEMU e o firmware descrevem o hardware deles</translation>
    </message>
    <message>
        <source>x86 (PC)</source>
        <translation>x86 (PC)</translation>
    </message>
    <message>
        <source>x86 pc (i440FX)</source>
        <translation>x86 pc (i440FX)</translation>
    </message>
    <message>
        <source>VirtIO-SCSI controller</source>
        <translation>Controlador VirtIO-SCSI</translation>
    </message>
    <message>
        <source>sPAPR VSCSI controller</source>
        <translation>Controlador sPAPR VSCSI</translation>
    </message>
    <message>
        <source>USB 3 controller (qemu-xhci)</source>
        <translation>Controlador USB 3 (qemu-xhci)</translation>
    </message>
    <message>
        <source>USB 3 controller (NEC xHCI)</source>
        <translation>Controlador USB 3 (NEC xHCI)</translation>
    </message>
    <message>
        <source>USB 1 controller (PIIX3 UHCI)</source>
        <translation>Controlador USB 1 (PIIX3 UHCI)</translation>
    </message>
    <message>
        <source>VirtIO serial controller</source>
        <translation>Controlador serial VirtIO</translation>
    </message>
    <message>
        <source>PCIe root port (room for a hot-plugged device)</source>
        <translation>Porta raiz PCIe (espaço para um dispositivo conectado a quente)</translation>
    </message>
    <message>
        <source>USB tablet</source>
        <translation>Tablet USB</translation>
    </message>
    <message>
        <source>USB keyboard</source>
        <translation>Teclado USB</translation>
    </message>
    <message>
        <source>USB mouse</source>
        <translation>Mouse USB</translation>
    </message>
    <message>
        <source>VirtIO tablet</source>
        <translation>Tablet VirtIO</translation>
    </message>
    <message>
        <source>VirtIO keyboard</source>
        <translation>Teclado VirtIO</translation>
    </message>
    <message>
        <source>VirtIO mouse</source>
        <translation>Mouse VirtIO</translation>
    </message>
    <message>
        <source>PS/2 mouse</source>
        <translation>Mouse PS/2</translation>
    </message>
    <message>
        <source>PS/2 keyboard</source>
        <translation>Teclado PS/2</translation>
    </message>
    <message>
        <source>Intel 6300ESB (PCI)</source>
        <translation>Intel 6300ESB (PCI)</translation>
    </message>
    <message>
        <source>iBase IB700 (ISA)</source>
        <translation>iBase IB700 (ISA)</translation>
    </message>
    <message>
        <source>DIAG 288</source>
        <translation>DIAG 288</translation>
    </message>
    <message>
        <source>VirtIO RNG</source>
        <translation>VirtIO RNG</translation>
    </message>
    <message>
        <source>TPM CRB</source>
        <translation>TPM CRB</translation>
    </message>
    <message>
        <source>TPM TIS</source>
        <translation>TPM TIS</translation>
    </message>
    <message>
        <source>sPAPR vTPM</source>
        <translation>sPAPR vTPM</translation>
    </message>
    <message>
        <source>sPAPR TPM proxy</source>
        <translation>Proxy TPM sPAPR</translation>
    </message>
    <message>
        <source>%1 guests of this machine take at most %2 vCPUs</source>
        <translation>Convidados %1 desta máquina aceitam no máximo %2 vCPUs</translation>
    </message>
    <message>
        <source>The host has %1 CPUs: a KVM guest with more vCPUs than that stalls waiting for them</source>
        <translation>O hospedeiro tem %1 CPUs: um convidado KVM com mais vCPUs que isso trava esperando por elas</translation>
    </message>
    <message>
        <source>%1 guests need at least %2 MiB of memory</source>
        <translation>Convidados %1 precisam de pelo menos %2 MiB de memória</translation>
    </message>
    <message>
        <source>%1 guest memory comes in steps of %2 MiB: use %3 or %4 MiB</source>
        <translation>A memória de convidados %1 varia em incrementos de %2 MiB: use %3 ou %4 MiB</translation>
    </message>
    <message>
        <source>%1 guest memory comes in steps of %2 MiB: use %3 MiB</source>
        <translation>A memória de convidados %1 varia em incrementos de %2 MiB: use %3 MiB</translation>
    </message>
    <message>
        <source>The host has only %1 MiB of memory</source>
        <translation>O hospedeiro tem apenas %1 MiB de memória</translation>
    </message>
    <message>
        <source>A guest needs at least one vCPU</source>
        <translation>Um convidado precisa de pelo menos uma vCPU</translation>
    </message>
    <message>
        <source>%1 vCPUs is above this guest's maximum of %2: raise the maximum first</source>
        <translation>%1 vCPUs ultrapassam o máximo de %2 deste convidado: aumente o máximo primeiro</translation>
    </message>
    <message>
        <source>The maximum cannot be below the %1 vCPUs the guest has: lower the vCPU count first</source>
        <translation>O máximo não pode ser menor que as %1 vCPUs que o convidado tem: reduza o número de vCPUs primeiro</translation>
    </message>
    <message>
        <source>%1 MiB is above this guest's maximum memory of %2 MiB</source>
        <translation>%1 MiB ultrapassa a memória máxima de %2 MiB deste convidado</translation>
    </message>
    <message>
        <source>Current memory cannot be above the guest's memory of %1 MiB: raise the memory first</source>
        <translation>A memória atual não pode ser maior que a memória do convidado, de %1 MiB: aumente a memória primeiro</translation>
    </message>
    <message>
        <source>%1 guests cannot hot-plug memory</source>
        <translation>Convidados %1 não podem conectar memória a quente</translation>
    </message>
    <message>
        <source>This guest was defined without a maximum memory and hot-plug slots, which memory hot-plug needs</source>
        <translation>Este convidado foi definido sem memória máxima e sem slots de conexão a quente, necessários para conectar memória a quente</translation>
    </message>
    <message>
        <source>All %1 memory hot-plug slots of this guest are in use</source>
        <translation>Todos os %1 slots de conexão a quente de memória deste convidado estão em uso</translation>
    </message>
    <message>
        <source>libvirt hot-plugs memory into %1 guests only when they have a NUMA cell (&lt;cpu&gt;&lt;numa&gt;)</source>
        <translation>O libvirt só conecta memória a quente em convidados %1 que tenham uma célula NUMA (&lt;cpu&gt;&lt;numa&gt;)</translation>
    </message>
    <message>
        <source>Hot-plugged memory of %1 guests comes in steps of %2 MiB</source>
        <translation>A memória conectada a quente em convidados %1 varia em incrementos de %2 MiB</translation>
    </message>
    <message>
        <source>%1 MiB more would exceed this guest's maximum memory of %2 MiB</source>
        <translation>Mais %1 MiB ultrapassariam a memória máxima de %2 MiB deste convidado</translation>
    </message>
    <message>
        <source>%1 guests need UEFI firmware</source>
        <translation>Convidados %1 precisam de firmware UEFI</translation>
    </message>
    <message>
        <source>%1 guests have no %2 firmware</source>
        <translation>Convidados %1 não têm firmware %2</translation>
    </message>
    <message>
        <source>Unknown device kind %1</source>
        <translation>Tipo de dispositivo desconhecido: %1</translation>
    </message>
    <message>
        <source>%1 guests know no %2 device %3</source>
        <translation>Convidados %1 não reconhecem o dispositivo %2 %3</translation>
    </message>
    <message>
        <source>The vCPU maximum of a running guest is fixed; the new one takes effect when the guest next starts</source>
        <translation>O máximo de vCPUs de um convidado em execução é fixo; o novo valor entra em vigor na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>The CPU topology takes effect when the guest next starts</source>
        <translation>A topologia de CPU entra em vigor na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>The CPU model takes effect when the guest next starts</source>
        <translation>O modelo de CPU entra em vigor na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>Boot memory takes effect when the guest next starts</source>
        <translation>A memória de inicialização entra em vigor na próxima vez que o convidado iniciar</translation>
    </message>
    <message>
        <source>This guest has no memory balloon: its memory changes when it next starts</source>
        <translation>Este convidado não tem balloon de memória: a memória dele muda na próxima inicialização</translation>
    </message>
    <message>
        <source>The boot order takes effect when the guest next starts</source>
        <translation>A ordem de inicialização entra em vigor na próxima vez que o convidado iniciar</translation>
    </message>
    <message>
        <source>The firmware takes effect when the guest next starts</source>
        <translation>O firmware entra em vigor na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>Direct kernel boot settings take effect when the guest next starts</source>
        <translation>As configurações de inicialização direta do kernel entram em vigor na próxima vez que o convidado iniciar</translation>
    </message>
    <message>
        <source>%1 disks cannot be added to or removed from a running %2 guest</source>
        <translation>Discos %1 não podem ser adicionados a nem removidos de um convidado %2 em execução</translation>
    </message>
    <message>
        <source>%1 CD-ROM drives cannot be added to or removed from a running guest; the change takes effect when it next starts</source>
        <translation>Unidades de CD-ROM %1 não podem ser adicionadas a nem removidas de um convidado em execução; a alteração entra em vigor na próxima inicialização</translation>
    </message>
    <message>
        <source>Consoles and serial ports are set up when the guest starts</source>
        <translation>Consoles e portas seriais são configurados quando o convidado inicia</translation>
    </message>
    <message>
        <source>QEMU cannot add or remove graphics of a running guest</source>
        <translation>O QEMU não consegue adicionar nem remover gráficos de um convidado em execução</translation>
    </message>
    <message>
        <source>QEMU cannot add or remove the video card of a running guest</source>
        <translation>O QEMU não consegue adicionar nem remover a placa de vídeo de um convidado em execução</translation>
    </message>
    <message>
        <source>libvirt hot-plugs only VirtIO-SCSI controllers; this one changes when the guest next starts</source>
        <translation>O libvirt só conecta a quente controladores VirtIO-SCSI; este muda na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>PS/2 devices are part of the machine and cannot be plugged while it runs</source>
        <translation>Dispositivos PS/2 fazem parte da máquina e não podem ser conectados com ela em execução</translation>
    </message>
    <message>
        <source>libvirt plugs only the Intel 6300ESB watchdog into a running guest; this one changes when the guest next starts</source>
        <translation>O libvirt só conecta o watchdog Intel 6300ESB a um convidado em execução; este muda na próxima inicialização do convidado</translation>
    </message>
    <message>
        <source>QEMU cannot add or remove the TPM of a running guest</source>
        <translation>O QEMU não consegue adicionar nem remover o TPM de um convidado em execução</translation>
    </message>
    <message>
        <source>This guest has no free PCIe root port to plug the device into: it is added when the guest next starts (add spare root ports while the guest is shut off)</source>
        <translation>Este convidado não tem porta raiz PCIe livre para conectar o dispositivo: ele será adicionado na próxima inicialização do convidado (adicione portas raiz extras enquanto o convidado estiver desligado)</translation>
    </message>
    <message>
        <source>%1 guests have no USB controller</source>
        <translation>Convidados %1 não têm controlador USB</translation>
    </message>
    <message>
        <source>%1 guests have no %2</source>
        <translation>Convidados %1 não têm %2</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>CD-ROM drive</source>
        <translation>Unidade de CD-ROM</translation>
    </message>
    <message>
        <source>Network interface</source>
        <translation>Interface de rede</translation>
    </message>
    <message>
        <source>Console or serial port</source>
        <translation>Console ou porta serial</translation>
    </message>
    <message>
        <source>Graphics</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controlador</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Dispositivo de entrada</translation>
    </message>
    <message>
        <source>Watchdog</source>
        <translation>Watchdog</translation>
    </message>
    <message>
        <source>Random number generator</source>
        <translation>Gerador de números aleatórios</translation>
    </message>
    <message>
        <source>TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <source>USB host device</source>
        <translation>Dispositivo USB do hospedeiro</translation>
    </message>
    <message>
        <source>This host's QEMU cannot pass USB host devices to %1 guests</source>
        <translation>O QEMU deste hospedeiro não consegue repassar dispositivos USB do hospedeiro para convidados %1</translation>
    </message>
    <message>
        <source>PCI host device</source>
        <translation>Dispositivo PCI do hospedeiro</translation>
    </message>
    <message>
        <source>PCI passthrough needs KVM: this %1 guest is emulated</source>
        <translation>O passthrough PCI precisa de KVM: este convidado %1 é emulado</translation>
    </message>
    <message>
        <source>This host's QEMU cannot pass PCI host devices to %1 guests</source>
        <translation>O QEMU deste hospedeiro não consegue repassar dispositivos PCI do hospedeiro para convidados %1</translation>
    </message>
    <message>
        <source>%1 guests have no PCI Express bus</source>
        <translation>Convidados %1 não têm barramento PCI Express</translation>
    </message>
    <message>
        <source>%1 machines plug PCI devices straight into their root bus and need no root ports</source>
        <translation>Máquinas %1 conectam dispositivos PCI diretamente ao barramento raiz e não precisam de portas raiz</translation>
    </message>
    <message>
        <source>This host's QEMU offers no TPM for %1 guests</source>
        <translation>O QEMU deste hospedeiro não oferece TPM para convidados %1</translation>
    </message>
    <message>
        <source>Emulated TPM (swtpm)</source>
        <translation>TPM emulado (swtpm)</translation>
    </message>
    <message>
        <source>The host's TPM (passthrough)</source>
        <translation>O TPM do hospedeiro (passthrough)</translation>
    </message>
    <message>
        <source>This host has no TPM emulator (swtpm installed for libvirt)</source>
        <translation>Este hospedeiro não tem emulador de TPM (swtpm instalado para o libvirt)</translation>
    </message>
    <message>
        <source>This host's QEMU cannot pass the host's TPM to %1 guests</source>
        <translation>O QEMU deste hospedeiro não consegue repassar o TPM do hospedeiro para convidados %1</translation>
    </message>
    <message>
        <source>Only network interfaces can be changed in place; remove the device and add a new one</source>
        <translation>Só interfaces de rede podem ser alteradas no lugar; remova o dispositivo e adicione um novo</translation>
    </message>
    <message>
        <source>%1 guests know no network interface model %2</source>
        <translation>Convidados %1 não conhecem o modelo de interface de rede %2</translation>
    </message>
    <message>
        <source>A running virtual machine cannot be renamed: shut it down first</source>
        <translation>Uma máquina virtual em execução não pode ser renomeada: desligue-a primeiro</translation>
    </message>
    <message>
        <source>QEMU cannot change the model of a running guest's network interface: the new model takes effect when the guest next starts</source>
        <translation>O QEMU não pode alterar o modelo da interface de rede de um convidado em execução: o novo modelo entra em vigor na próxima vez que o convidado iniciar</translation>
    </message>
    <message>
        <source>Architecture %1</source>
        <translation>Arquitetura %1</translation>
    </message>
    <message>
        <source>This host runs %1 guests here, not %2 guests</source>
        <translation>Este hospedeiro executa convidados %1 aqui, não convidados %2</translation>
    </message>
    <message>
        <source>Machine type %1</source>
        <translation>Tipo de máquina %1</translation>
    </message>
    <message>
        <source>This host's QEMU offers no %1 machine for %2 guests</source>
        <translation>O QEMU deste hospedeiro não oferece máquina %1 para convidados %2</translation>
    </message>
    <message>
        <source>This host's QEMU does not offer it for %1 guests; it offers %2</source>
        <translation>O QEMU deste hospedeiro não a oferece para convidados %1; ele oferece %2</translation>
    </message>
    <message>
        <source>UEFI firmware</source>
        <translation>Firmware UEFI</translation>
    </message>
    <message>
        <source>CPU model %1</source>
        <translation>Modelo de CPU %1</translation>
    </message>
    <message>
        <source>CPU mode %1</source>
        <translation>Modo de CPU %1</translation>
    </message>
    <message>
        <source>Disk bus %1</source>
        <translation>Barramento de disco %1</translation>
    </message>
    <message>
        <source>Controller %1</source>
        <translation>Controlador %1</translation>
    </message>
    <message>
        <source>NIC model %1</source>
        <translation>Modelo de placa de rede %1</translation>
    </message>
    <message>
        <source>Video model %1</source>
        <translation>Modelo de vídeo %1</translation>
    </message>
    <message>
        <source>Graphics %1</source>
        <translation>Gráficos %1</translation>
    </message>
    <message>
        <source>TPM model %1</source>
        <translation>Modelo de TPM %1</translation>
    </message>
    <message>
        <source>Host device (%1)</source>
        <translation>Dispositivo do hospedeiro (%1)</translation>
    </message>
    <message>
        <source>A host device belongs to the host it was attached on; remove it from the guest first</source>
        <translation>Um dispositivo do hospedeiro pertence ao hospedeiro em que foi conectado; remova-o do convidado primeiro</translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 machine on this host takes at most %2 vCPUs</source>
        <translation>A máquina %1 neste hospedeiro aceita no máximo %2 vCPUs</translation>
    </message>
    <message>
        <source>Internal snapshots need every disk in qcow2 format; this guest has %1 disks: take an external snapshot</source>
        <translation>Snapshots internos exigem todos os discos no formato qcow2; este convidado tem discos %1: crie um snapshot externo</translation>
    </message>
    <message>
        <source>This running %1 guest boots UEFI from pflash: libvirt cannot take an internal snapshot of it; shut it down or take a disk-only external snapshot</source>
        <translation>Este convidado %1 em execução inicializa UEFI a partir de pflash: o libvirt não consegue criar um snapshot interno dele; desligue-o ou crie um snapshot externo somente de discos</translation>
    </message>
    <message>
        <source>This guest has no writable disk to snapshot</source>
        <translation>Este convidado não tem disco gravável para o snapshot</translation>
    </message>
    <message>
        <source>The UEFI variables (NVRAM) are not part of an internal snapshot: a revert keeps the current ones</source>
        <translation>As variáveis UEFI (NVRAM) não fazem parte de um snapshot interno: ao reverter, as atuais são mantidas</translation>
    </message>
    <message>
        <source>External snapshots need disks that are files or block devices on the host; %1 is not</source>
        <translation>Snapshots externos exigem discos que sejam arquivos ou dispositivos de bloco no hospedeiro; %1 não é</translation>
    </message>
    <message>
        <source>The guest is shut off: there is no memory state to save</source>
        <translation>O convidado está desligado: não há estado de memória para salvar</translation>
    </message>
    <message>
        <source>This host's libvirt (%1) cannot revert to an external snapshot; libvirt 9.9 or later can</source>
        <translation>O libvirt deste hospedeiro (%1) não consegue reverter para um snapshot externo; o libvirt 9.9 ou posterior consegue</translation>
    </message>
    <message>
        <source>before 9.9</source>
        <translation>anterior à 9.9</translation>
    </message>
    <message>
        <source>This host's libvirt (%1) cannot delete external snapshots; libvirt 9.0 or later can</source>
        <translation>O libvirt deste hospedeiro (%1) não consegue excluir snapshots externos; o libvirt 9.0 ou posterior consegue</translation>
    </message>
    <message>
        <source>before 9.0</source>
        <translation>anterior à 9.0</translation>
    </message>
    <message>
        <source>libvirt cannot delete an external snapshot taken after an internal one ("deleting external snapshot that has internal snapshot as parent not supported")</source>
        <translation>O libvirt não consegue excluir um snapshot externo criado após um interno ("deleting external snapshot that has internal snapshot as parent not supported")</translation>
    </message>
    <message>
        <source>libvirt cannot delete an external snapshot that has later snapshots; delete those first, or delete it with its children</source>
        <translation>O libvirt não consegue excluir um snapshot externo que tem snapshots posteriores; exclua-os primeiro ou exclua-o junto com seus filhos</translation>
    </message>
    <message>
        <source>QEMU does not version the %1 machine of %2 guests, so its layout may differ on another host: shut the guest down and move it offline</source>
        <translation>O QEMU não versiona a máquina %1 de convidados %2, então seu layout pode ser diferente em outro hospedeiro: desligue o convidado e mova-o offline</translation>
    </message>
    <message>
        <source>That host runs no %1 guests</source>
        <translation>Esse hospedeiro não executa convidados %1</translation>
    </message>
    <message>
        <source>Native (KVM)</source>
        <translation>Nativo (KVM)</translation>
    </message>
    <message>
        <source>This guest runs natively with KVM; that host can only emulate %1 guests, and KVM state cannot be loaded into an emulator</source>
        <translation>Este convidado é executado nativamente com KVM; esse hospedeiro só consegue emular convidados %1, e o estado do KVM não pode ser carregado em um emulador</translation>
    </message>
    <message>
        <source>Emulated (TCG)</source>
        <translation>Emulado (TCG)</translation>
    </message>
    <message>
        <source>This guest is emulated (TCG); that host's QEMU offers no emulated %1 guests</source>
        <translation>Este convidado é emulado (TCG); o QEMU desse hospedeiro não oferece convidados %1 emulados</translation>
    </message>
    <message>
        <source>It stays emulated (TCG) there, although that host runs %1 guests natively: change it to KVM after the move for full speed</source>
        <translation>Lá ele continua emulado (TCG), embora esse hospedeiro execute convidados %1 nativamente: mude-o para KVM após a movimentação para obter velocidade máxima</translation>
    </message>
    <message>
        <source>Live migration</source>
        <translation>Migração ao vivo</translation>
    </message>
    <message>
        <source>That host does not accept live migrations; move the guest offline</source>
        <translation>Esse hospedeiro não aceita migrações ao vivo; mova o convidado offline</translation>
    </message>
    <message>
        <source>A host-passthrough guest moves only between identical hosts: %1</source>
        <translation>Um convidado host-passthrough só pode ser movido entre hospedeiros idênticos: %1</translation>
    </message>
    <message>
        <source>That host's CPU cannot provide this guest's CPU: %1</source>
        <translation>A CPU desse hospedeiro não consegue fornecer a CPU deste convidado: %1</translation>
    </message>
    <message>
        <source>(a model both hosts provide: %1)</source>
        <translation>(um modelo que ambos os hospedeiros fornecem: %1)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>The running guest now writes to an external overlay taken after this snapshot: libvirt cannot delete it while the guest runs; shut the guest down first</source>
        <translation>O convidado em execução agora grava em um overlay externo criado depois deste snapshot: o libvirt não consegue excluí-lo enquanto o convidado está em execução; desligue o convidado primeiro</translation>
    </message>
</context>
<context>
    <name>Armv7lArch</name>
    <message>
        <source>ARM 32-bit (ARMv7)</source>
        <translation>ARM 32 bits (ARMv7)</translation>
    </message>
    <message>
        <source>UEFI (AAVMF32)</source>
        <translation>UEFI (AAVMF32)</translation>
    </message>
    <message>
        <source>No firmware (direct kernel boot)</source>
        <translation>Sem firmware (inicialização direta do kernel)</translation>
    </message>
    <message>
        <source>libvirt has no host-model CPU for armv7l guests</source>
        <translation>O libvirt não tem CPU host-model para convidados armv7l</translation>
    </message>
    <message>
        <source>KVM on Arm runs only the host's own CPU; use host-passthrough</source>
        <translation>O KVM em Arm executa apenas a própria CPU do hospedeiro; use host-passthrough</translation>
    </message>
    <message>
        <source>ARM Cortex-A15</source>
        <translation>ARM Cortex-A15</translation>
    </message>
    <message>
        <source>ARM Cortex-A7</source>
        <translation>ARM Cortex-A7</translation>
    </message>
    <message>
        <source>QEMU maximum (emulated)</source>
        <translation>Máximo do QEMU (emulado)</translation>
    </message>
    <message>
        <source>QEMU cannot hot-plug vCPUs into armv7l virt guests</source>
        <translation>O QEMU não consegue conectar vCPUs a quente em convidados armv7l virt</translation>
    </message>
    <message>
        <source>QEMU cannot hot-plug memory into armv7l virt guests</source>
        <translation>O QEMU não consegue conectar memória a quente em convidados armv7l virt</translation>
    </message>
    <message>
        <source>A RAM framebuffer shows only a firmware's screen and 32-bit Arm guests boot without one: use Virtio GPU</source>
        <translation>Um framebuffer em RAM mostra só a tela de um firmware, e convidados Arm de 32 bits inicializam sem firmware: use Virtio GPU</translation>
    </message>
    <message>
        <source>armv7l guests without UEFI firmware cannot boot from the network; use direct kernel boot</source>
        <translation>Convidados armv7l sem firmware UEFI não podem inicializar pela rede; use a inicialização direta do kernel</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>Malformed XML at line %1: %2</source>
        <translation>XML malformado na linha %1: %2</translation>
    </message>
    <message>
        <source>Empty XML document</source>
        <translation>Documento XML vazio</translation>
    </message>
    <message>
        <source>Expected &lt;%1&gt; but the document is &lt;%2&gt;</source>
        <translation>Esperado &lt;%1&gt;, mas o documento é &lt;%2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n entries not read (more than %1 in one list).</source>
        <translation>
            <numerusform>%n entrada não lida (mais de %1 em uma lista).</numerusform>
            <numerusform>%n entradas não lidas (mais de %1 em uma lista).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClonePlan</name>
    <message>
        <source>Reading the virtual machine to clone</source>
        <translation>Lendo a máquina virtual a clonar</translation>
    </message>
    <message>
        <source>an empty drive stays empty</source>
        <translation>uma unidade vazia continua vazia</translation>
    </message>
    <message>
        <source>a disk without a source stays so</source>
        <translation>um disco sem origem continua assim</translation>
    </message>
    <message>
        <source>CD-ROM and floppy media are shared</source>
        <translation>mídias de CD-ROM e disquete são compartilhadas</translation>
    </message>
    <message>
        <source>chosen for this disk</source>
        <translation>escolhido para este disco</translation>
    </message>
    <message>
        <source>read-only disks are shared</source>
        <translation>discos somente leitura são compartilhados</translation>
    </message>
    <message>
        <source>shareable disks are shared</source>
        <translation>discos compartilháveis são compartilhados</translation>
    </message>
    <message>
        <source>writable disks are copied</source>
        <translation>discos graváveis são copiados</translation>
    </message>
    <message>
        <source>a new empty disk, as asked</source>
        <translation>um novo disco vazio, conforme pedido</translation>
    </message>
    <message>
        <source>shared as asked: both VMs write to it, never run them at once</source>
        <translation>compartilhado conforme pedido: as duas VMs gravam nele, nunca as execute ao mesmo tempo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartilhar</translation>
    </message>
    <message>
        <source>New empty disk</source>
        <translation>Novo disco vazio</translation>
    </message>
    <message>
        <source>Keep (no medium)</source>
        <translation>Manter (sem mídia)</translation>
    </message>
    <message>
        <source>“%1” is running: shut it down first (a copy of disks in use would not be consistent).</source>
        <translation>“%1” está em execução: desligue-a primeiro (uma cópia de discos em uso não seria consistente).</translation>
    </message>
    <message>
        <source>“%1” is a template: make a VM from it (New VM from Template) instead of cloning it.</source>
        <translation>“%1” é um modelo: crie uma VM a partir dele (Nova VM a partir de modelo) em vez de cloná-lo.</translation>
    </message>
    <message>
        <source>The definition of “%1” could not be read.</source>
        <translation>Não foi possível ler a definição de “%1”.</translation>
    </message>
    <message>
        <source>%1 (%2): no storage pool manages it, so it cannot be copied; share it, or add a storage pool over its folder</source>
        <translation>%1 (%2): nenhum pool de armazenamento o gerencia, então não pode ser copiado; compartilhe-o ou adicione um pool de armazenamento sobre a pasta dele</translation>
    </message>
    <message>
        <source>%1: the storage pool “%2” is not active</source>
        <translation>%1: o pool de armazenamento “%2” não está ativo</translation>
    </message>
    <message>
        <source>The storage pool “%1” has %2 free; the copies need %3.</source>
        <translation>O pool de armazenamento “%1” tem %2 livres; as cópias precisam de %3.</translation>
    </message>
</context>
<context>
    <name>Cluster</name>
    <message>
        <source>Enter a name for the cluster.</source>
        <translation>Digite um nome para o cluster.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>O nome é longo demais: no máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, spaces, '-', '_' and '.' (not '%1').</source>
        <translation>O nome pode conter apenas letras, dígitos, espaços, '-', '_' e '.' (não '%1').</translation>
    </message>
    <message>
        <source>A cluster named "%1" already exists.</source>
        <translation>Já existe um cluster chamado "%1".</translation>
    </message>
</context>
<context>
    <name>ClusterStore</name>
    <message>
        <source>The saved cluster list %1 could not be read (%2). It was kept as %3.</source>
        <translation>Não foi possível ler a lista de clusters salva %1 (%2). Ela foi mantida como %3.</translation>
    </message>
    <message>
        <source>The saved cluster list %1 could not be read (%2), and no copy could be made. Crossvirt will not overwrite it until it can be copied aside.</source>
        <translation>Não foi possível ler a lista de clusters salva %1 (%2), e não foi possível fazer uma cópia. O Crossvirt não a sobrescreverá até que ela possa ser copiada para outro lugar.</translation>
    </message>
    <message>
        <source>a cluster has no id, name or architecture</source>
        <translation>um cluster não tem id, nome ou arquitetura</translation>
    </message>
    <message>
        <source>two clusters share the id %1</source>
        <translation>dois clusters compartilham o id %1</translation>
    </message>
    <message>
        <source>Could not save the cluster list to %1: %2</source>
        <translation>Não foi possível salvar a lista de clusters em %1: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionFailure</name>
    <message>
        <source>The host's certificate expired on %1: the host needs a new certificate.</source>
        <translation>O certificado do hospedeiro expirou em %1: o hospedeiro precisa de um novo certificado.</translation>
    </message>
    <message>
        <source>The host's certificate is not valid before %1: check the clocks of this computer and of the host.</source>
        <translation>O certificado do hospedeiro não é válido antes de %1: verifique os relógios deste computador e do hospedeiro.</translation>
    </message>
    <message>
        <source>The host's certificate is for %1, not for %2: connect with a name the certificate lists, or give the host a certificate for this name.</source>
        <translation>O certificado do hospedeiro é para %1, não para %2: conecte-se com um nome listado no certificado ou dê ao hospedeiro um certificado para este nome.</translation>
    </message>
    <message>
        <source>other names</source>
        <translation>outros nomes</translation>
    </message>
    <message>
        <source>The host's certificate is not signed by the CA in %1 (it was issued by “%2”): the CA is unknown here, so the host is not trusted.</source>
        <translation>O certificado do hospedeiro não é assinado pela AC em %1 (foi emitido por “%2”): a AC é desconhecida aqui, então o hospedeiro não é confiável.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>The host's certificate could not be verified against the CA in %1.</source>
        <translation>Não foi possível verificar o certificado do hospedeiro com a AC em %1.</translation>
    </message>
    <message>
        <source>%1 (libvirt: %2)</source>
        <translation>%1 (libvirt: %2)</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read.</source>
        <translation>O certificado da AC %1 não pode ser lido.</translation>
    </message>
    <message>
        <source>The CA certificate %1 is missing: libvirt looks for it there. Copy the CA's certificate there, or choose a certificate folder for this connection.</source>
        <translation>O certificado da AC %1 está ausente: a libvirt o procura ali. Copie o certificado da AC para lá ou escolha uma pasta de certificados para esta conexão.</translation>
    </message>
    <message>
        <source>The client certificate %1 is missing (libvirt looked in %2), so the host refused the connection.</source>
        <translation>O certificado do cliente %1 está ausente (a libvirt procurou em %2), então o hospedeiro recusou a conexão.</translation>
    </message>
    <message>
        <source>The client key %1 is missing (libvirt looked in %2), so the host refused the connection.</source>
        <translation>A chave do cliente %1 está ausente (a libvirt procurou em %2), então o hospedeiro recusou a conexão.</translation>
    </message>
    <message>
        <source>The host refused the client certificate %1: it does not trust the CA that signed it (or its tls_allowed_dn_list leaves it out).</source>
        <translation>O hospedeiro recusou o certificado do cliente %1: ele não confia na AC que o assinou (ou a tls_allowed_dn_list o exclui).</translation>
    </message>
    <message>
        <source>The client certificate %1 does not verify against the CA in %2.</source>
        <translation>O certificado do cliente %1 não é validado pela AC em %2.</translation>
    </message>
    <message>
        <source>Authentication was cancelled; connect again to retry.</source>
        <translation>A autenticação foi cancelada; conecte-se novamente para tentar de novo.</translation>
    </message>
    <message>
        <source>The host refused the user name or password; connect again to retry.</source>
        <translation>O hospedeiro recusou o nome de usuário ou a senha; conecte-se novamente para tentar de novo.</translation>
    </message>
    <message>
        <source>Qt has no TLS backend here</source>
        <translation>O Qt não tem backend TLS aqui</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>SSH (libssh)</source>
        <translation>SSH (libssh)</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>a local socket</source>
        <translation>um socket local</translation>
    </message>
    <message>
        <source>The SSH login was accepted (agent, key or password).</source>
        <translation>O login SSH foi aceito (agente, chave ou senha).</translation>
    </message>
    <message>
        <source>The host let this client in (SASL when it asked for it).</source>
        <translation>O hospedeiro permitiu a entrada deste cliente (SASL quando solicitado).</translation>
    </message>
    <message>
        <source>The host accepted this client's certificate.</source>
        <translation>O hospedeiro aceitou o certificado deste cliente.</translation>
    </message>
    <message>
        <source>The local libvirt daemon let this user in.</source>
        <translation>O daemon local da libvirt permitiu a entrada deste usuário.</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>a conexão foi fechada</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>Cancelado; nada foi salvo.</translation>
    </message>
    <message>
        <source>TLS failed: %1 (CA certificate %2, client certificate %3, client key %4)</source>
        <translation>Falha no TLS: %1 (certificado da AC %2, certificado do cliente %3, chave do cliente %4)</translation>
    </message>
    <message>
        <source>Reached %1 over %2.</source>
        <translation>%1 alcançado via %2.</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Falha na autenticação: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 over %2: %3</source>
        <translation>Não foi possível conectar a %1 via %2: %3</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 aberto.</translation>
    </message>
    <message>
        <source>Connected to %1 over %2.</source>
        <translation>Conectado a %1 via %2.</translation>
    </message>
    <message>
        <source>Used CA certificate %1, client certificate %2 and client key %3.</source>
        <translation>Usados o certificado da AC %1, o certificado do cliente %2 e a chave do cliente %3.</translation>
    </message>
    <message>
        <source>Could not count the virtual machines</source>
        <translation>Não foi possível contar as máquinas virtuais</translation>
    </message>
    <message>
        <source>Host “%1”: %2, hypervisor %3 %4, libvirt %5.</source>
        <translation>Hospedeiro “%1”: %2, hipervisor %3 %4, libvirt %5.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sem nome)</translation>
    </message>
    <message>
        <source>unknown arch</source>
        <translation>arquitetura desconhecida</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual machine(s), %1 running.</source>
        <translation>
            <numerusform>%n máquina virtual, %1 em execução.</numerusform>
            <numerusform>%n máquinas virtuais, %1 em execução.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Tentando novamente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
</context>
<context>
    <name>ConnectionStore</name>
    <message>
        <source>The saved connection list %1 could not be read (%2). It was kept as %3; no connection was lost.</source>
        <translation>Não foi possível ler a lista de conexões salva %1 (%2). Ela foi mantida como %3; nenhuma conexão foi perdida.</translation>
    </message>
    <message>
        <source>The saved connection list %1 could not be read (%2), and no copy could be made. Crossvirt will not overwrite it until it can be copied aside.</source>
        <translation>Não foi possível ler a lista de conexões salva %1 (%2), e não foi possível fazer uma cópia. O Crossvirt não a sobrescreverá até que ela possa ser copiada para outro lugar.</translation>
    </message>
    <message>
        <source>an entry has no URI</source>
        <translation>uma entrada não tem URI</translation>
    </message>
    <message>
        <source>Could not save the connection list to %1: %2</source>
        <translation>Não foi possível salvar a lista de conexões em %1: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionUri</name>
    <message>
        <source>Enter a libvirt URI, for example qemu+ssh://root@host/system.</source>
        <translation>Digite uma URI do libvirt, por exemplo qemu+ssh://root@host/system.</translation>
    </message>
    <message>
        <source>“%1” is not a valid libvirt URI.</source>
        <translation>“%1” não é uma URI válida do libvirt.</translation>
    </message>
    <message>
        <source>The test driver needs an absolute path to a host file.</source>
        <translation>O driver de teste precisa do caminho absoluto de um arquivo de hospedeiro.</translation>
    </message>
    <message>
        <source>Enter the host name or address of the remote host.</source>
        <translation>Digite o nome ou o endereço do hospedeiro remoto.</translation>
    </message>
    <message>
        <source>“%1” is not a valid host name (put the user name in the User field).</source>
        <translation>“%1” não é um nome de hospedeiro válido (coloque o nome de usuário no campo Usuário).</translation>
    </message>
    <message>
        <source>“%1” is not a valid user name.</source>
        <translation>“%1” não é um nome de usuário válido.</translation>
    </message>
    <message>
        <source>Test driver</source>
        <translation>Driver de teste</translation>
    </message>
    <message>
        <source>%1 (test driver)</source>
        <translation>%1 (driver de teste)</translation>
    </message>
    <message>
        <source>QEMU/KVM</source>
        <translation>QEMU/KVM</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source> user session</source>
        <translation> sessão do usuário</translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation>%1 (%2%3)</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>A porta deve estar entre 1 e 65535.</translation>
    </message>
    <message>
        <source>Give the port either in the Port field or after the host name, not both.</source>
        <translation>Informe a porta no campo Porta ou após o nome do hospedeiro, não em ambos.</translation>
    </message>
    <message>
        <source>The SSH key file needs an absolute path.</source>
        <translation>O arquivo de chave SSH precisa de um caminho absoluto.</translation>
    </message>
    <message>
        <source>The certificate folder needs an absolute path.</source>
        <translation>A pasta de certificados precisa de um caminho absoluto.</translation>
    </message>
</context>
<context>
    <name>ConnectionWorker</name>
    <message>
        <source>the connection failed</source>
        <translation>a conexão falhou</translation>
    </message>
    <message>
        <source>the host closed the connection</source>
        <translation>o hospedeiro fechou a conexão</translation>
    </message>
    <message>
        <source>the host stopped answering keepalives</source>
        <translation>o hospedeiro parou de responder aos keepalives</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>a conexão foi fechada</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>o hospedeiro parou de responder</translation>
    </message>
</context>
<context>
    <name>ConsoleEndpoints</name>
    <message>
        <source>This virtual machine has no graphical display.</source>
        <translation>Esta máquina virtual não tem tela gráfica.</translation>
    </message>
    <message>
        <source>This virtual machine's display is %1; Crossvirt shows VNC displays only.</source>
        <translation>A tela desta máquina virtual é %1; o Crossvirt mostra apenas telas VNC.</translation>
    </message>
    <message>
        <source>The test driver simulates its virtual machines: there is no real display to show.</source>
        <translation>O driver de teste simula as máquinas virtuais: não há tela real para mostrar.</translation>
    </message>
    <message>
        <source>The virtual machine is not running.</source>
        <translation>A máquina virtual não está em execução.</translation>
    </message>
    <message>
        <source>The display has no TCP port (it may listen on a UNIX socket only), so it cannot be reached from another machine.</source>
        <translation>A tela não tem porta TCP (talvez escute apenas em um socket UNIX), por isso não pode ser alcançada a partir de outra máquina.</translation>
    </message>
    <message>
        <source>Could not find the virtual machine</source>
        <translation>Não foi possível encontrar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not read the virtual machine's definition</source>
        <translation>Não foi possível ler a definição da máquina virtual</translation>
    </message>
    <message>
        <source>Could not open the display</source>
        <translation>Não foi possível abrir a tela</translation>
    </message>
    <message>
        <source>The display has no TCP port (it may listen on a UNIX socket only); Crossvirt's SSH tunnel reaches TCP ports only.</source>
        <translation>A tela não tem porta TCP (pode escutar apenas em um socket UNIX); o túnel SSH do Crossvirt alcança apenas portas TCP.</translation>
    </message>
    <message>
        <source>The display listens only on %1's loopback address (%2), so it cannot be reached over the network. Make it listen on an address this machine can reach, or connect to the host over SSH.</source>
        <translation>A tela escuta apenas no endereço de loopback de %1 (%2), então não pode ser alcançada pela rede. Faça-a escutar em um endereço que esta máquina alcance ou conecte-se ao hospedeiro via SSH.</translation>
    </message>
</context>
<context>
    <name>DemoDatacenter</name>
    <message>
        <source>Demo x86_64 host</source>
        <translation>Hospedeiro x86_64 de demonstração</translation>
    </message>
    <message>
        <source>Demo POWER9 host</source>
        <translation>Hospedeiro POWER9 de demonstração</translation>
    </message>
    <message>
        <source>Demo aarch64 host</source>
        <translation>Hospedeiro aarch64 de demonstração</translation>
    </message>
    <message>
        <source>Demo s390x host</source>
        <translation>Hospedeiro s390x de demonstração</translation>
    </message>
    <message>
        <source>Could not create the demo folder %1.</source>
        <translation>Não foi possível criar a pasta de demonstração %1.</translation>
    </message>
    <message>
        <source>Could not write the demo host file %1: %2</source>
        <translation>Não foi possível gravar o arquivo de hospedeiro de demonstração %1: %2</translation>
    </message>
</context>
<context>
    <name>DetailWidgets</name>
    <message>
        <source>Select all</source>
        <translation>Selecionar tudo</translation>
    </message>
</context>
<context>
    <name>DiskXmlBuilder</name>
    <message>
        <source>“%1” is not a disk interface Crossvirt knows.</source>
        <translation>“%1” não é uma interface de disco que o Crossvirt conheça.</translation>
    </message>
    <message>
        <source>Every %1 slot of this virtual machine is taken.</source>
        <translation>Todos os slots %1 desta máquina virtual estão ocupados.</translation>
    </message>
</context>
<context>
    <name>DomainScreenshot</name>
    <message>
        <source>Could not take a screenshot of the virtual machine</source>
        <translation>Não foi possível capturar a tela da máquina virtual</translation>
    </message>
    <message>
        <source>The image is too large.</source>
        <translation>A imagem é grande demais.</translation>
    </message>
    <message>
        <source>Could not read the screenshot of the virtual machine</source>
        <translation>Não foi possível ler a captura de tela da máquina virtual</translation>
    </message>
    <message>
        <source>The host sent %1 bytes of %2 that are not an image Crossvirt can read.</source>
        <translation>O hospedeiro enviou %1 bytes de %2 que não são uma imagem que o Crossvirt consiga ler.</translation>
    </message>
</context>
<context>
    <name>DomainState</name>
    <message>
        <source>Running</source>
        <translation>Executando</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausado</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Desligando</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Travado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspenso</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
</context>
<context>
    <name>DomainXml</name>
    <message numerus="yes">
        <source>The name is %n characters long; only the first %1 are shown.</source>
        <translation>
            <numerusform>O nome tem %n caractere; só os primeiros %1 são mostrados.</numerusform>
            <numerusform>O nome tem %n caracteres; só os primeiros %1 são mostrados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices not shown (only the first %1 are read).</source>
        <translation>
            <numerusform>%n dispositivo não mostrado (só os primeiros %1 são lidos).</numerusform>
            <numerusform>%n dispositivos não mostrados (só os primeiros %1 são lidos).</numerusform>
        </translation>
    </message>
    <message>
        <source>The XML is malformed at line %1: %2</source>
        <translation>O XML está malformado na linha %1: %2</translation>
    </message>
</context>
<context>
    <name>EditSections</name>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (atual)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>CD-ROM</source>
        <translation>CD-ROM</translation>
    </message>
    <message>
        <source>Network interface</source>
        <translation>Interface de rede</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Graphics</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controlador</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Dispositivo de entrada</translation>
    </message>
    <message>
        <source>Watchdog</source>
        <translation>Watchdog</translation>
    </message>
    <message>
        <source>Random number generator</source>
        <translation>Gerador de números aleatórios</translation>
    </message>
    <message>
        <source>TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <source>USB host device</source>
        <translation>Dispositivo USB do hospedeiro</translation>
    </message>
    <message>
        <source>PCI host device</source>
        <translation>Dispositivo PCI do hospedeiro</translation>
    </message>
    <message>
        <source>Memory balloon</source>
        <translation>Balloon de memória</translation>
    </message>
    <message>
        <source>Memory module (DIMM)</source>
        <translation>Módulo de memória (DIMM)</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Outro dispositivo</translation>
    </message>
</context>
<context>
    <name>HostNetworks</name>
    <message>
        <source>Could not define the network “%1”</source>
        <translation>Não foi possível definir a rede “%1”</translation>
    </message>
    <message>
        <source>Could not %1 the network “%2” (it was removed again; nothing is left on the host)</source>
        <translation>Não foi possível %1 a rede “%2” (ela foi removida novamente; nada ficou no hospedeiro)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>iniciar</translation>
    </message>
    <message>
        <source>set autostart on</source>
        <translation>ativar o início automático para</translation>
    </message>
    <message>
        <source>Could not start the network “%1”</source>
        <translation>Não foi possível iniciar a rede “%1”</translation>
    </message>
    <message>
        <source>Could not stop the network “%1”</source>
        <translation>Não foi possível parar a rede “%1”</translation>
    </message>
    <message>
        <source>Could not turn autostart on for the network “%1”</source>
        <translation>Não foi possível ativar o início automático da rede “%1”</translation>
    </message>
    <message>
        <source>Could not turn autostart off for the network “%1”</source>
        <translation>Não foi possível desativar o início automático da rede “%1”</translation>
    </message>
    <message>
        <source>Could not delete the network “%1”</source>
        <translation>Não foi possível excluir a rede “%1”</translation>
    </message>
    <message>
        <source>The network “%1” is used by running VMs: %2. Shut them down or move their network cards first.</source>
        <translation>A rede “%1” está sendo usada por VMs em execução: %2. Desligue-as ou mova as placas de rede delas primeiro.</translation>
    </message>
    <message>
        <source>Could not read the DHCP leases of the network “%1”</source>
        <translation>Não foi possível ler as concessões DHCP da rede “%1”</translation>
    </message>
    <message>
        <source>Could not read the VM's network addresses</source>
        <translation>Não foi possível ler os endereços de rede da VM</translation>
    </message>
</context>
<context>
    <name>HostSession</name>
    <message>
        <source>The request was cancelled (the host was closed).</source>
        <translation>A solicitação foi cancelada (a conexão com o hospedeiro foi fechada).</translation>
    </message>
    <message>
        <source>Not connected to this host</source>
        <translation>Não conectado a este hospedeiro</translation>
    </message>
    <message>
        <source>Could not find the virtual machine</source>
        <translation>Não foi possível encontrar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not start “%1”</source>
        <translation>Não foi possível iniciar “%1”</translation>
    </message>
    <message>
        <source>Could not shut down “%1”</source>
        <translation>Não foi possível desligar “%1”</translation>
    </message>
    <message>
        <source>Could not reboot “%1”</source>
        <translation>Não foi possível reiniciar “%1”</translation>
    </message>
    <message>
        <source>Could not force off “%1”</source>
        <translation>Não foi possível forçar o desligamento de “%1”</translation>
    </message>
    <message>
        <source>Could not pause “%1”</source>
        <translation>Não foi possível pausar “%1”</translation>
    </message>
    <message>
        <source>Could not resume “%1”</source>
        <translation>Não foi possível retomar “%1”</translation>
    </message>
    <message>
        <source>Could not read the definition of “%1”</source>
        <translation>Não foi possível ler a definição de “%1”</translation>
    </message>
    <message>
        <source>Could not force off “%1” before deleting it</source>
        <translation>Não foi possível forçar o desligamento de “%1” antes de excluí-la</translation>
    </message>
    <message>
        <source>Could not delete “%1”</source>
        <translation>Não foi possível excluir “%1”</translation>
    </message>
    <message>
        <source>%1: not a storage volume libvirt manages, left in place</source>
        <translation>%1: não é um volume de armazenamento gerenciado pelo libvirt; foi mantido</translation>
    </message>
    <message>
        <source>Could not list the virtual machines on this host</source>
        <translation>Não foi possível listar as máquinas virtuais deste hospedeiro</translation>
    </message>
    <message>
        <source>%1: kept: used by %2</source>
        <translation>%1: mantido: usado por %2</translation>
    </message>
</context>
<context>
    <name>InventoryModel</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
</context>
<context>
    <name>JsonListFile</name>
    <message>
        <source>no “%1” list in the file</source>
        <translation>o arquivo não contém a lista “%1”</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>a pasta não pode ser criada</translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <translation>Ctrl+Alt+F%1</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Del</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Ctrl+Alt+Backspace</translation>
    </message>
    <message>
        <source>PrintScreen</source>
        <translation>Print Screen</translation>
    </message>
</context>
<context>
    <name>LibvirtError</name>
    <message>
        <source>libvirt reported no details</source>
        <translation>o libvirt não informou detalhes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Erro desconhecido</translation>
    </message>
</context>
<context>
    <name>Migration</name>
    <message>
        <source>Could not find the VM %1 on %2</source>
        <translation>Não foi possível encontrar a VM %1 em %2</translation>
    </message>
    <message>
        <source>Could not read the state of the VM</source>
        <translation>Não foi possível ler o estado da VM</translation>
    </message>
    <message>
        <source>Could not read the definition of the VM</source>
        <translation>Não foi possível ler a definição da VM</translation>
    </message>
    <message>
        <source>%1 %2 here, %3 %4 there</source>
        <translation>%1 %2 aqui, %3 %4 lá</translation>
    </message>
    <message>
        <source>libvirt gives no detail</source>
        <translation>o libvirt não fornece detalhes</translation>
    </message>
    <message>
        <source>%1 is not a host of this datacenter</source>
        <translation>%1 não é um hospedeiro deste datacenter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (volume %2 of pool %3)</source>
        <translation>%1 (volume %2 do pool %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Copying disks: %1 of %2 remaining</source>
        <translation>Copiando discos: %1 de %2 restantes</translation>
    </message>
    <message>
        <source>Memory: %1 remaining</source>
        <translation>Memória: %1 restantes</translation>
    </message>
    <message>
        <source>, downtime about %1 ms</source>
        <translation>, tempo de parada de cerca de %1 ms</translation>
    </message>
    <message>
        <source>%1 of %2 remaining</source>
        <translation>%1 de %2 restantes</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Not connected (%1)</source>
        <translation>Não conectado (%1)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexão</translation>
    </message>
    <message>
        <source>That host could not be asked: %1</source>
        <translation>Não foi possível consultar esse hospedeiro: %1</translation>
    </message>
    <message>
        <source>Architecture %1</source>
        <translation>Arquitetura %1</translation>
    </message>
    <message>
        <source>Crossvirt does not know this guest architecture</source>
        <translation>O Crossvirt não conhece a arquitetura deste convidado</translation>
    </message>
    <message>
        <source>Network %1</source>
        <translation>Rede %1</translation>
    </message>
    <message>
        <source>That host has no network “%1”</source>
        <translation>Esse hospedeiro não tem a rede “%1”</translation>
    </message>
    <message>
        <source>The network “%1” is not active on that host: start it there</source>
        <translation>A rede “%1” não está ativa nesse hospedeiro: inicie-a lá</translation>
    </message>
    <message>
        <source>That host has no active storage pool “%1”, where libvirt would create the copy: add it there</source>
        <translation>Esse hospedeiro não tem um pool de armazenamento ativo “%1”, onde o libvirt criaria a cópia: adicione-o lá</translation>
    </message>
    <message>
        <source>No active storage pool on that host has the folder %1, where libvirt would create the copy: add one there</source>
        <translation>Nenhum pool de armazenamento ativo nesse hospedeiro tem a pasta %1, onde o libvirt criaria a cópia: adicione um lá</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>%1 is not on that host: choose Copy storage</source>
        <translation>%1 não está nesse hospedeiro: escolha Copiar o armazenamento</translation>
    </message>
    <message>
        <source>%1 are not on that host: choose Copy storage</source>
        <translation>%1 não estão nesse hospedeiro: escolha Copiar o armazenamento</translation>
    </message>
    <message>
        <source>Copy storage</source>
        <translation>Copiar o armazenamento</translation>
    </message>
    <message>
        <source>libvirt copies disks only while the guest runs; %1 must be copied to that host first (or start the guest and move it live)</source>
        <translation>O libvirt só copia discos enquanto o convidado está em execução; %1 precisa ser copiado para esse hospedeiro antes (ou inicie o convidado e mova-o ao vivo)</translation>
    </message>
    <message>
        <source>%1 is at the same place on that host and is taken for shared storage: it is not copied</source>
        <translation>%1 está no mesmo local nesse hospedeiro e é considerado armazenamento compartilhado: não é copiado</translation>
    </message>
    <message>
        <source>Read-only media</source>
        <translation>Mídia somente leitura</translation>
    </message>
    <message>
        <source>%1 is not on that host and is never copied: eject it or put the same file there</source>
        <translation>%1 não está nesse hospedeiro e nunca é copiado: ejete-o ou coloque o mesmo arquivo lá</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Já está lá</translation>
    </message>
    <message>
        <source>That host already has this VM's UUID (as “%1”)</source>
        <translation>Esse hospedeiro já tem o UUID desta VM (como “%1”)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>That host already has a VM named “%1”</source>
        <translation>Esse hospedeiro já tem uma VM chamada “%1”</translation>
    </message>
    <message>
        <source>Tunnelled: libvirt cannot copy disks (%1) through a tunnelled migration; choose a direct one</source>
        <translation>Por túnel: o libvirt não consegue copiar discos (%1) em uma migração por túnel; escolha uma direta</translation>
    </message>
    <message>
        <source>Could not hold the connection</source>
        <translation>Não foi possível manter a conexão</translation>
    </message>
    <message>
        <source>The datacenter is gone</source>
        <translation>O datacenter não existe mais</translation>
    </message>
    <message>
        <source>Cannot move “%1”: %2 is not another host of the datacenter</source>
        <translation>Não é possível mover “%1”: %2 não é outro hospedeiro do datacenter</translation>
    </message>
    <message>
        <source>Cannot move “%1” to %2:
%3</source>
        <translation>Não é possível mover “%1” para %2:
%3</translation>
    </message>
    <message>
        <source>The move of “%1” was cancelled before it began; it is still on %2</source>
        <translation>A movimentação de “%1” foi cancelada antes de começar; ela continua em %2</translation>
    </message>
    <message>
        <source>Cannot move “%1”: a host left the datacenter</source>
        <translation>Não é possível mover “%1”: um hospedeiro saiu do datacenter</translation>
    </message>
    <message>
        <source>Could not move “%1” to %2: %3. It is still on %4.</source>
        <translation>Não foi possível mover “%1” para %2: %3. Ela continua em %4.</translation>
    </message>
    <message>
        <source>Could not find the VM</source>
        <translation>Não foi possível encontrar a VM</translation>
    </message>
    <message>
        <source>The move of “%1” was cancelled before it began; it is still on %2.</source>
        <translation>A movimentação de “%1” foi cancelada antes de começar; ela continua em %2.</translation>
    </message>
    <message>
        <source>libvirt gives no reason</source>
        <translation>o libvirt não informa o motivo</translation>
    </message>
    <message>
        <source>The move of “%1” to %2 was cancelled. %3</source>
        <translation>A movimentação de “%1” para %2 foi cancelada. %3</translation>
    </message>
    <message>
        <source>Could not move “%1” to %2: %3. %4</source>
        <translation>Não foi possível mover “%1” para %2: %3. %4</translation>
    </message>
    <message>
        <source>It is still running on %1.</source>
        <translation>Ela continua em execução em %1.</translation>
    </message>
    <message>
        <source>It is still on %1 (not running).</source>
        <translation>Ela continua em %1 (não está em execução).</translation>
    </message>
    <message>
        <source>It is no longer on %1: look for it on %2.</source>
        <translation>Ela não está mais em %1: procure-a em %2.</translation>
    </message>
    <message>
        <source>Whether it is still on %1 is unknown: %1 does not answer.</source>
        <translation>Não se sabe se ela continua em %1: %1 não responde.</translation>
    </message>
    <message>
        <source>Partial disk copies may be left on %1: %2</source>
        <translation>Cópias parciais de discos podem ter ficado em %1: %2</translation>
    </message>
    <message>
        <source>The partial disk copies on %1 were removed.</source>
        <translation>As cópias parciais de discos em %1 foram removidas.</translation>
    </message>
    <message>
        <source>Partial disk copies are left on %1: %2</source>
        <translation>Cópias parciais de discos ficaram em %1: %2</translation>
    </message>
    <message>
        <source>Partial disk copies may be left on %1 (%2): %3</source>
        <translation>Cópias parciais de discos podem ter ficado em %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>NameRules</name>
    <message>
        <source>Enter a name for the virtual machine.</source>
        <translation>Digite um nome para a máquina virtual.</translation>
    </message>
    <message>
        <source>Enter a name for the volume.</source>
        <translation>Digite um nome para o volume.</translation>
    </message>
    <message>
        <source>The virtual machine name cannot be only spaces.</source>
        <translation>O nome da máquina virtual não pode conter apenas espaços.</translation>
    </message>
    <message>
        <source>The volume name cannot be only spaces.</source>
        <translation>O nome do volume não pode conter apenas espaços.</translation>
    </message>
    <message>
        <source>The virtual machine name cannot start or end with a space.</source>
        <translation>O nome da máquina virtual não pode começar nem terminar com espaço.</translation>
    </message>
    <message>
        <source>The volume name cannot start or end with a space.</source>
        <translation>O nome do volume não pode começar nem terminar com espaço.</translation>
    </message>
    <message>
        <source>The virtual machine name is too long: %1 bytes, at most %2 are allowed.</source>
        <translation>O nome da máquina virtual é longo demais: %1 bytes; são permitidos no máximo %2.</translation>
    </message>
    <message>
        <source>The volume name is too long: %1 bytes, at most %2 are allowed.</source>
        <translation>O nome do volume é longo demais: %1 bytes; são permitidos no máximo %2.</translation>
    </message>
    <message>
        <source>The virtual machine name cannot contain “/” (libvirt uses it in file names).</source>
        <translation>O nome da máquina virtual não pode conter “/” (o libvirt o usa em nomes de arquivo).</translation>
    </message>
    <message>
        <source>The volume name cannot contain “/” (it is a file name in the pool).</source>
        <translation>O nome do volume não pode conter “/” (ele é um nome de arquivo no pool).</translation>
    </message>
    <message>
        <source>The name cannot contain control characters (such as a tab or a new line).</source>
        <translation>O nome não pode conter caracteres de controle (como tabulação ou quebra de linha).</translation>
    </message>
    <message>
        <source>The name contains an invalid Unicode character.</source>
        <translation>O nome contém um caractere Unicode inválido.</translation>
    </message>
    <message>
        <source>“%1” cannot be used as a name.</source>
        <translation>“%1” não pode ser usado como nome.</translation>
    </message>
    <message>
        <source>A virtual machine named “%1” already exists on this host.</source>
        <translation>Já existe uma máquina virtual chamada “%1” neste hospedeiro.</translation>
    </message>
    <message>
        <source>A volume named “%1” already exists in this pool.</source>
        <translation>Já existe um volume chamado “%1” neste pool.</translation>
    </message>
</context>
<context>
    <name>NetworkValidation</name>
    <message>
        <source>“%1” is not an %2 network with a prefix (like %3).</source>
        <translation>“%1” não é uma rede %2 com prefixo (como %3).</translation>
    </message>
    <message>
        <source>An IPv4 network needs a prefix of /30 or shorter to leave addresses for guests; %1 has /%2.</source>
        <translation>Uma rede IPv4 precisa de um prefixo /30 ou menor para deixar endereços para os convidados; %1 tem /%2.</translation>
    </message>
    <message>
        <source>%1 is too small for guests.</source>
        <translation>%1 é pequena demais para convidados.</translation>
    </message>
    <message>
        <source>%1 is the broadcast address of %2.</source>
        <translation>%1 é o endereço de broadcast de %2.</translation>
    </message>
    <message>
        <source>Give the network a name.</source>
        <translation>Dê um nome à rede.</translation>
    </message>
    <message>
        <source>A network name cannot contain “/”.</source>
        <translation>O nome de uma rede não pode conter “/”.</translation>
    </message>
    <message>
        <source>A network name cannot start or end with a space.</source>
        <translation>O nome de uma rede não pode começar nem terminar com espaço.</translation>
    </message>
    <message>
        <source>This host already has a network called “%1”.</source>
        <translation>Este hospedeiro já tem uma rede chamada “%1”.</translation>
    </message>
    <message>
        <source>Choose NAT, routed, isolated or bridge.</source>
        <translation>Escolha NAT, roteada, isolada ou ponte.</translation>
    </message>
    <message>
        <source>A bridge network joins an existing bridge of the host: name it (for example br0).</source>
        <translation>Uma rede em ponte se conecta a uma ponte existente do hospedeiro: informe o nome dela (por exemplo, br0).</translation>
    </message>
    <message>
        <source>“%1” is not a valid bridge name (up to 15 letters, digits, “-”, “_”, “.”).</source>
        <translation>“%1” não é um nome de ponte válido (até 15 letras, dígitos, “-”, “_”, “.”).</translation>
    </message>
    <message>
        <source>The bridge %1 is already used by the network “%2”.</source>
        <translation>A ponte %1 já é usada pela rede “%2”.</translation>
    </message>
    <message>
        <source>A bridge network takes its addresses, DHCP and domain from the bridge's own LAN: leave IPv4, IPv6, DHCP and domain empty.</source>
        <translation>Uma rede em ponte obtém seus endereços, DHCP e domínio da própria LAN da ponte: deixe IPv4, IPv6, DHCP e domínio vazios.</translation>
    </message>
    <message>
        <source>A %1 network needs an IPv4 network (like 192.168.100.0/24).</source>
        <translation>Uma rede %1 precisa de uma rede IPv4 (como 192.168.100.0/24).</translation>
    </message>
    <message>
        <source>Give both the first and the last DHCP address, or neither for no DHCP.</source>
        <translation>Informe o primeiro e o último endereço DHCP, ou nenhum dos dois para não usar DHCP.</translation>
    </message>
    <message>
        <source>DHCP needs an IPv4 network.</source>
        <translation>O DHCP precisa de uma rede IPv4.</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address.</source>
        <translation>“%1” não é um endereço IPv4.</translation>
    </message>
    <message>
        <source>The DHCP address %1 is outside the guests' addresses of %2 (%3 – %4).</source>
        <translation>O endereço DHCP %1 está fora dos endereços de convidados de %2 (%3 – %4).</translation>
    </message>
    <message>
        <source>The DHCP range starts (%1) after it ends (%2).</source>
        <translation>O intervalo DHCP começa (%1) depois de terminar (%2).</translation>
    </message>
    <message>
        <source>The DHCP range includes the host's own address %1.</source>
        <translation>O intervalo DHCP inclui o próprio endereço do hospedeiro, %1.</translation>
    </message>
    <message>
        <source>%1 overlaps the network “%2” (%3).</source>
        <translation>%1 se sobrepõe à rede “%2” (%3).</translation>
    </message>
    <message>
        <source>“%1” is not a DNS domain name (like lab.example).</source>
        <translation>“%1” não é um nome de domínio DNS (como lab.example).</translation>
    </message>
</context>
<context>
    <name>Networks</name>
    <message>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Roteada</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>Isolada</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Ponte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Outra</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>OsCatalogue</name>
    <message>
        <source>Generic Linux</source>
        <translation>Linux genérico</translation>
    </message>
    <message>
        <source>Other OS</source>
        <translation>Outro sistema operacional</translation>
    </message>
    <message>
        <source>The operating system database (osinfo-db) was not found or lists no operating systems, so only generic entries are offered. Install the osinfo-db package to choose a specific operating system.</source>
        <translation>O banco de dados de sistemas operacionais (osinfo-db) não foi encontrado ou não lista nenhum sistema operacional, por isso só são oferecidas entradas genéricas. Instale o pacote osinfo-db para escolher um sistema operacional específico.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalhes: %1</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>This host can only emulate %1 guests, and emulation is not allowed</source>
        <translation>Este hospedeiro só pode emular convidados %1, e a emulação não é permitida</translation>
    </message>
    <message>
        <source>This host cannot run %1 guests</source>
        <translation>Este hospedeiro não pode executar convidados %1</translation>
    </message>
</context>
<context>
    <name>PowerArch</name>
    <message>
        <source>sPAPR VLAN NICs cannot be added to a running guest</source>
        <translation>Placas de rede sPAPR VLAN não podem ser adicionadas a um convidado em execução</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>%1 guests boot with SLOF; there is no UEFI for pseries</source>
        <translation>Convidados %1 inicializam com SLOF; não há UEFI para pseries</translation>
    </message>
    <message>
        <source>SLOF (Open Firmware)</source>
        <translation>SLOF (Open Firmware)</translation>
    </message>
    <message>
        <source>IBM POWER8</source>
        <translation>IBM POWER8</translation>
    </message>
    <message>
        <source>IBM POWER9</source>
        <translation>IBM POWER9</translation>
    </message>
    <message>
        <source>IBM POWER10</source>
        <translation>IBM POWER10</translation>
    </message>
    <message>
        <source>POWER guests use the sPAPR vTPM, not a TIS one</source>
        <translation>Convidados POWER usam o sPAPR vTPM, não um TIS</translation>
    </message>
    <message>
        <source>Emulated POWER guests have one thread per core: QEMU's TCG runs no SMT on pseries</source>
        <translation>Convidados POWER emulados têm uma thread por núcleo: o TCG do QEMU não executa SMT em pseries</translation>
    </message>
    <message>
        <source>POWER guests plug whole cores of %1 threads: use a multiple of %1 vCPUs</source>
        <translation>Convidados POWER conectam núcleos inteiros de %1 threads: use um múltiplo de %1 vCPUs</translation>
    </message>
    <message>
        <source>CPU model %1</source>
        <translation>Modelo de CPU %1</translation>
    </message>
    <message>
        <source>This host is a POWER%1: KVM runs POWER guests in POWER%1 mode or older, not %2</source>
        <translation>Este hospedeiro é um POWER%1: o KVM executa convidados POWER no modo POWER%1 ou anterior, não %2</translation>
    </message>
</context>
<context>
    <name>Ppc64Arch</name>
    <message>
        <source>POWER (big-endian)</source>
        <translation>POWER (big-endian)</translation>
    </message>
</context>
<context>
    <name>Ppc64leArch</name>
    <message>
        <source>POWER (little-endian)</source>
        <translation>POWER (little-endian)</translation>
    </message>
</context>
<context>
    <name>ProvisioningSteps</name>
    <message>
        <source>Creating the disk volume</source>
        <translation>Criando o volume de disco</translation>
    </message>
    <message>
        <source>Defining the virtual machine</source>
        <translation>Definindo a máquina virtual</translation>
    </message>
    <message>
        <source>Starting the virtual machine</source>
        <translation>Iniciando a máquina virtual</translation>
    </message>
    <message>
        <source>Adding the disk controller</source>
        <translation>Adicionando o controlador de disco</translation>
    </message>
    <message>
        <source>Attaching the disk</source>
        <translation>Anexando o disco</translation>
    </message>
    <message>
        <source>Reading the virtual machine</source>
        <translation>Lendo a máquina virtual</translation>
    </message>
    <message>
        <source>Crossvirt does not know the architecture “%1”.</source>
        <translation>O Crossvirt não conhece a arquitetura “%1”.</translation>
    </message>
    <message>
        <source>The pool “%1” has only %2 free; the disk needs %3.</source>
        <translation>O pool “%1” tem apenas %2 livres; o disco precisa de %3.</translation>
    </message>
    <message>
        <source>“%1” is not a disk interface for %2 guests.</source>
        <translation>“%1” não é uma interface de disco para convidados %2.</translation>
    </message>
</context>
<context>
    <name>RememberPasswordOption</name>
    <message>
        <source>&amp;Remember in the desktop's secret store</source>
        <translation>&amp;Lembrar no repositório de segredos da área de trabalho</translation>
    </message>
    <message>
        <source>Saved only after it worked, in GNOME Keyring or KWallet (never in a file); Host › Forget Saved Passwords removes it.</source>
        <translation>Salva somente depois de funcionar, no GNOME Keyring ou KWallet (nunca em um arquivo); Hospedeiro › Esquecer senhas salvas a remove.</translation>
    </message>
</context>
<context>
    <name>Riscv64Arch</name>
    <message>
        <source>RISC-V 64-bit</source>
        <translation>RISC-V 64 bits</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>UEFI is not available for riscv64 guests</source>
        <translation>UEFI não está disponível para convidados riscv64</translation>
    </message>
    <message>
        <source>OpenSBI</source>
        <translation>OpenSBI</translation>
    </message>
    <message>
        <source>libvirt cannot set the CPU model of riscv64 guests; QEMU's default CPU is used</source>
        <translation>O libvirt não consegue definir o modelo de CPU de convidados riscv64; é usada a CPU padrão do QEMU</translation>
    </message>
    <message>
        <source>QEMU default RISC-V CPU</source>
        <translation>CPU RISC-V padrão do QEMU</translation>
    </message>
    <message>
        <source>Host CPU (passthrough)</source>
        <translation>CPU do hospedeiro (passthrough)</translation>
    </message>
    <message>
        <source>QEMU cannot hot-plug vCPUs into riscv64 guests</source>
        <translation>O QEMU não consegue conectar vCPUs a quente em convidados riscv64</translation>
    </message>
    <message>
        <source>QEMU cannot hot-plug memory into riscv64 guests</source>
        <translation>O QEMU não consegue conectar memória a quente em convidados riscv64</translation>
    </message>
    <message>
        <source>riscv64 guests boot OpenSBI, which cannot boot from the network; use direct kernel boot</source>
        <translation>Convidados riscv64 inicializam o OpenSBI, que não inicializa pela rede; use a inicialização direta do kernel</translation>
    </message>
    <message>
        <source>QEMU's riscv64 virt board has no power button, so the guest never hears Shut Down or Reboot; use Force Off, or shut it down from inside</source>
        <translation>A placa virt riscv64 do QEMU não tem botão de energia, então o convidado nunca recebe Desligar nem Reiniciar; use Forçar desligamento, ou desligue-o por dentro</translation>
    </message>
</context>
<context>
    <name>S390xArch</name>
    <message>
        <source>IBM Z (s390x)</source>
        <translation>IBM Z (s390x)</translation>
    </message>
    <message>
        <source>s390x guests have no USB</source>
        <translation>Convidados s390x não têm USB</translation>
    </message>
    <message>
        <source>s390x guests have only VirtIO network cards</source>
        <translation>Convidados s390x têm apenas placas de rede VirtIO</translation>
    </message>
    <message>
        <source>s390x guests have no graphics; use the serial console</source>
        <translation>Convidados s390x não têm vídeo; use o console serial</translation>
    </message>
    <message>
        <source>s390x guests have no serial port; their console is SCLP</source>
        <translation>Convidados s390x não têm porta serial; o console deles é SCLP</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>s390x guests boot with the s390-ccw firmware</source>
        <translation>Convidados s390x inicializam com o firmware s390-ccw</translation>
    </message>
    <message>
        <source>s390-ccw firmware</source>
        <translation>Firmware s390-ccw</translation>
    </message>
    <message>
        <source>IBM z196</source>
        <translation>IBM z196</translation>
    </message>
    <message>
        <source>IBM zEC12</source>
        <translation>IBM zEC12</translation>
    </message>
    <message>
        <source>IBM z13</source>
        <translation>IBM z13</translation>
    </message>
    <message>
        <source>IBM z14</source>
        <translation>IBM z14</translation>
    </message>
    <message>
        <source>IBM z15</source>
        <translation>IBM z15</translation>
    </message>
    <message>
        <source>IBM z16</source>
        <translation>IBM z16</translation>
    </message>
    <message>
        <source>s390x guests cannot unplug vCPUs</source>
        <translation>Convidados s390x não podem remover vCPUs</translation>
    </message>
    <message>
        <source>s390x guests cannot hot-plug memory</source>
        <translation>Convidados s390x não podem conectar memória a quente</translation>
    </message>
    <message>
        <source>s390x guests have no display: their Linux kernels carry no graphics driver; use the SCLP or virtio console</source>
        <translation>Convidados s390x não têm tela: os kernels Linux deles não trazem driver gráfico; use o console SCLP ou virtio</translation>
    </message>
    <message>
        <source>s390x guests boot only from the first device with a boot order: QEMU's s390-ccw firmware does not try the next one</source>
        <translation>Convidados s390x inicializam apenas do primeiro dispositivo com ordem de inicialização: o firmware s390-ccw do QEMU não tenta o seguinte</translation>
    </message>
    <message>
        <source>s390x guests have no TPM</source>
        <translation>Convidados s390x não têm TPM</translation>
    </message>
    <message>
        <source>CPU model %1</source>
        <translation>Modelo de CPU %1</translation>
    </message>
    <message>
        <source>This host's CPU is a generation %1 IBM Z (%2): KVM cannot give a guest the newer %3 model</source>
        <translation>A CPU deste hospedeiro é um IBM Z de geração %1 (%2): o KVM não pode dar a um convidado o modelo mais novo %3</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No secret store (such as GNOME Keyring or KWallet) is running, so passwords cannot be remembered.</source>
        <translation>Nenhum repositório de segredos (como GNOME Keyring ou KWallet) está em execução, então as senhas não podem ser lembradas.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>Could not read a saved password from the secret store: %1</source>
        <translation>Não foi possível ler uma senha salva do repositório de segredos: %1</translation>
    </message>
    <message>
        <source>Could not save the password in the secret store: %1</source>
        <translation>Não foi possível salvar a senha no repositório de segredos: %1</translation>
    </message>
    <message>
        <source>Could not delete a saved password from the secret store: %1</source>
        <translation>Não foi possível excluir uma senha salva do repositório de segredos: %1</translation>
    </message>
    <message>
        <source>Could not forget the saved passwords: %1</source>
        <translation>Não foi possível esquecer as senhas salvas: %1</translation>
    </message>
</context>
<context>
    <name>SerialConsoleSession</name>
    <message>
        <source>The console stream failed.</source>
        <translation>O fluxo do console falhou.</translation>
    </message>
    <message>
        <source>The guest closed its console.</source>
        <translation>O convidado fechou o console.</translation>
    </message>
    <message>
        <source>The console was closed (the guest stopped, or another client took it over).</source>
        <translation>O console foi fechado (o convidado parou ou outro cliente assumiu o console).</translation>
    </message>
    <message>
        <source>The console stream reported an error.</source>
        <translation>O fluxo do console informou um erro.</translation>
    </message>
    <message>
        <source>Could not find the virtual machine</source>
        <translation>Não foi possível encontrar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not open the serial console</source>
        <translation>Não foi possível abrir o console serial</translation>
    </message>
    <message>
        <source>Could not watch the serial console</source>
        <translation>Não foi possível monitorar o console serial</translation>
    </message>
</context>
<context>
    <name>Snapshots</name>
    <message>
        <source>Its later snapshot “%1” cannot be deleted: %2</source>
        <translation>O snapshot posterior “%1” não pode ser excluído: %2</translation>
    </message>
    <message>
        <source>Reading the snapshots of “%1”</source>
        <translation>Lendo os snapshots de “%1”</translation>
    </message>
    <message>
        <source>Reading the virtual machine</source>
        <translation>Lendo a máquina virtual</translation>
    </message>
    <message>
        <source>Crossvirt has no rules for %1 guests</source>
        <translation>O Crossvirt não tem regras para convidados %1</translation>
    </message>
    <message>
        <source>this</source>
        <translation>este</translation>
    </message>
    <message>
        <source>%1 has no snapshot named “%2”</source>
        <translation>%1 não tem um snapshot chamado “%2”</translation>
    </message>
    <message>
        <source>Taking snapshot “%1” of “%2”</source>
        <translation>Criando o snapshot “%1” de “%2”</translation>
    </message>
    <message>
        <source>%1 already exists: a snapshot never writes over a file</source>
        <translation>%1 já existe: um snapshot nunca sobrescreve um arquivo</translation>
    </message>
    <message>
        <source>%1 (files of the snapshot that may remain on the host, if libvirt made them: %2)</source>
        <translation>%1 (arquivos do snapshot que podem ter ficado no hospedeiro, se o libvirt os criou: %2)</translation>
    </message>
    <message>
        <source>Reverting “%1” to snapshot “%2”</source>
        <translation>Revertendo “%1” para o snapshot “%2”</translation>
    </message>
    <message>
        <source>Deleting snapshot “%1” of “%2”</source>
        <translation>Excluindo o snapshot “%1” de “%2”</translation>
    </message>
    <message>
        <source>%1 (already deleted: %2)</source>
        <translation>%1 (já excluídos: %2)</translation>
    </message>
    <message>
        <source>External, paused, with memory</source>
        <translation>Externo, pausada, com memória</translation>
    </message>
    <message>
        <source>External, running, with memory</source>
        <translation>Externo, em execução, com memória</translation>
    </message>
    <message>
        <source>External, shut off, disks</source>
        <translation>Externo, desligada, discos</translation>
    </message>
    <message>
        <source>External, disks only</source>
        <translation>Externo, somente discos</translation>
    </message>
    <message>
        <source>Running, with memory</source>
        <translation>Em execução, com memória</translation>
    </message>
    <message>
        <source>Running, disks</source>
        <translation>Em execução, discos</translation>
    </message>
    <message>
        <source>Paused, with memory</source>
        <translation>Pausada, com memória</translation>
    </message>
    <message>
        <source>Paused, disks</source>
        <translation>Pausada, discos</translation>
    </message>
    <message>
        <source>Shut off, disks</source>
        <translation>Desligada, discos</translation>
    </message>
    <message>
        <source>Disks only</source>
        <translation>Somente discos</translation>
    </message>
    <message>
        <source>Give the snapshot a name</source>
        <translation>Dê um nome ao snapshot</translation>
    </message>
    <message>
        <source>A snapshot name cannot contain “/”: it becomes part of file names</source>
        <translation>O nome de um snapshot não pode conter “/”: ele passa a fazer parte de nomes de arquivos</translation>
    </message>
    <message>
        <source>A snapshot name cannot contain control characters</source>
        <translation>O nome de um snapshot não pode conter caracteres de controle</translation>
    </message>
    <message>
        <source>A snapshot name cannot start with “%1”</source>
        <translation>O nome de um snapshot não pode começar com “%1”</translation>
    </message>
    <message>
        <source>%1 already has a snapshot named “%2”</source>
        <translation>%1 já tem um snapshot chamado “%2”</translation>
    </message>
</context>
<context>
    <name>SshConnect</name>
    <message>
        <source>%1 names no SSH host</source>
        <translation>%1 não indica nenhum hospedeiro SSH</translation>
    </message>
    <message>
        <source>%1 refused the SSH connection: no SSH server listens on port %2 (%3)</source>
        <translation>%1 recusou a conexão SSH: nenhum servidor SSH escuta na porta %2 (%3)</translation>
    </message>
    <message>
        <source>the host %1 was not found (%2)</source>
        <translation>o hospedeiro %1 não foi encontrado (%2)</translation>
    </message>
    <message>
        <source>the host %1 is unreachable on SSH port %2 (%3)</source>
        <translation>o hospedeiro %1 está inacessível na porta SSH %2 (%3)</translation>
    </message>
    <message>
        <source>WARNING: the SSH host key of %1 has CHANGED (it now offers %2 %3; %4 holds another key). Someone may be intercepting the connection, or the host was reinstalled. Crossvirt refuses to connect; if the change is expected, remove the old key with: ssh-keygen -R '%1' -f '%4'</source>
        <translation>AVISO: a chave SSH do hospedeiro %1 MUDOU (agora oferece %2 %3; %4 contém outra chave). Alguém pode estar interceptando a conexão, ou o hospedeiro foi reinstalado. O Crossvirt se recusa a conectar; se a mudança for esperada, remova a chave antiga com: ssh-keygen -R '%1' -f '%4'</translation>
    </message>
    <message>
        <source>the SSH host key of %1 (%2 %3) is not in %4; connect once from the Crossvirt window (or with ssh) to trust it</source>
        <translation>a chave SSH do hospedeiro %1 (%2 %3) não está em %4; conecte-se uma vez pela janela do Crossvirt (ou com ssh) para confiar nela</translation>
    </message>
    <message>
        <source>the SSH host key of %1 (%2 %3) was not trusted; not connected</source>
        <translation>a chave SSH do hospedeiro %1 (%2 %3) não foi considerada confiável; não conectado</translation>
    </message>
    <message>
        <source>cannot remember the host key of %1: %2</source>
        <translation>não é possível lembrar a chave do hospedeiro %1: %2</translation>
    </message>
    <message>
        <source>cannot read the SSH host key of %1: %2</source>
        <translation>não é possível ler a chave SSH do hospedeiro %1: %2</translation>
    </message>
    <message>
        <source>cannot check the SSH host key of %1: %2</source>
        <translation>não é possível verificar a chave SSH do hospedeiro %1: %2</translation>
    </message>
    <message>
        <source>Not connected: the SSH password or passphrase was cancelled (%1)</source>
        <translation>Não conectado: a senha ou frase secreta SSH foi cancelada (%1)</translation>
    </message>
    <message>
        <source>SSH authentication failed: the host refused the password or key. Connect again to retry. (%1)</source>
        <translation>Falha na autenticação SSH: o hospedeiro recusou a senha ou a chave. Conecte-se novamente para tentar de novo. (%1)</translation>
    </message>
    <message>
        <source>The SSH host key was refused (changed or not trusted): %1</source>
        <translation>A chave SSH do hospedeiro foi recusada (alterada ou não confiável): %1</translation>
    </message>
    <message>
        <source>The host has neither virt-ssh-helper nor nc, or no libvirtd socket: libvirt cannot be reached through SSH there (%1)</source>
        <translation>O hospedeiro não tem virt-ssh-helper nem nc, ou não tem socket do libvirtd: a libvirt não pode ser alcançada via SSH ali (%1)</translation>
    </message>
</context>
<context>
    <name>SshKnownHosts</name>
    <message>
        <source>%1 is not installed (OpenSSH's client tools are needed for SSH hosts)</source>
        <translation>%1 não está instalado (as ferramentas de cliente do OpenSSH são necessárias para hospedeiros SSH)</translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation>%1 não terminou</translation>
    </message>
    <message>
        <source>ssh-keygen could not read the host keys: %1</source>
        <translation>o ssh-keygen não conseguiu ler as chaves do hospedeiro: %1</translation>
    </message>
    <message>
        <source>the SSH server at %1 sent no host key%2</source>
        <translation>o servidor SSH em %1 não enviou nenhuma chave do hospedeiro%2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>não é possível criar %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>Não foi possível iniciar %1: %2</translation>
    </message>
    <message>
        <source>Could not create a private folder for SSH control sockets in %1: %2</source>
        <translation>Não foi possível criar uma pasta privada para os sockets de controle do SSH em %1: %2</translation>
    </message>
    <message>
        <source>The console of an SSH host needs the ssh program (OpenSSH), which is not installed.</source>
        <translation>O console de um hospedeiro SSH precisa do programa ssh (OpenSSH), que não está instalado.</translation>
    </message>
    <message>
        <source>Crossvirt is quitting.</source>
        <translation>O Crossvirt está sendo encerrado.</translation>
    </message>
    <message>
        <source>The SSH login to %1 for the console was cancelled.</source>
        <translation>O login SSH em %1 para o console foi cancelado.</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1 over SSH timed out: no login within %n second(s).</source>
        <translation>
            <numerusform>A conexão com %1 via SSH expirou: nenhum login em %n segundo.</numerusform>
            <numerusform>A conexão com %1 via SSH expirou: nenhum login em %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not an SSH connection.</source>
        <translation>%1 não é uma conexão SSH.</translation>
    </message>
    <message>
        <source>Could not make a socket pair: %1</source>
        <translation>Não foi possível criar um par de sockets: %1</translation>
    </message>
    <message numerus="yes">
        <source>The SSH tunnel to %1 on %2 was opened, but no VNC server greeted through it within %n second(s).</source>
        <translation>
            <numerusform>O túnel SSH para %1 em %2 foi aberto, mas nenhum servidor VNC respondeu por ele em %n segundo.</numerusform>
            <numerusform>O túnel SSH para %1 em %2 foi aberto, mas nenhum servidor VNC respondeu por ele em %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SSH host key of %1 has CHANGED since it was trusted, so the console's tunnel was refused. Someone may be intercepting the connection; check the new key with the host's administrator.</source>
        <translation>A chave do hospedeiro SSH de %1 MUDOU desde que foi confiada, por isso o túnel do console foi recusado. Alguém pode estar interceptando a conexão; verifique a nova chave com o administrador do hospedeiro.</translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet, so the console's tunnel was refused. Connect to the host and trust its key first.</source>
        <translation>A chave do hospedeiro SSH de %1 ainda não é confiável, por isso o túnel do console foi recusado. Conecte-se ao hospedeiro e confie na chave dele primeiro.</translation>
    </message>
    <message>
        <source>SSH authentication to %1 failed for the console's tunnel (%2). The tunnel logs in with your SSH agent or key file.</source>
        <translation>A autenticação SSH em %1 falhou para o túnel do console (%2). O túnel faz login com seu agente SSH ou arquivo de chave.</translation>
    </message>
    <message>
        <source>The SSH connection to %1 works, but %2 on that host refused the console's tunnel; no VNC server is listening there.</source>
        <translation>A conexão SSH com %1 funciona, mas %2 nesse hospedeiro recusou o túnel do console; nenhum servidor VNC está escutando ali.</translation>
    </message>
    <message>
        <source>the display</source>
        <translation>a tela</translation>
    </message>
    <message>
        <source>%1 refused the SSH connection (%2); is its SSH server running?</source>
        <translation>%1 recusou a conexão SSH (%2); o servidor SSH dele está em execução?</translation>
    </message>
    <message>
        <source>Connecting to %1 over SSH timed out (%2).</source>
        <translation>A conexão com %1 via SSH expirou (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be reached over SSH: %2</source>
        <translation>%1 não pode ser alcançado via SSH: %2</translation>
    </message>
    <message>
        <source>Could not open an SSH tunnel to %1: %2</source>
        <translation>Não foi possível abrir um túnel SSH para %1: %2</translation>
    </message>
    <message>
        <source>ssh ended without saying why</source>
        <translation>o ssh terminou sem informar o motivo</translation>
    </message>
</context>
<context>
    <name>StatsCollector</name>
    <message>
        <source>Could not read the statistics of this host</source>
        <translation>Não foi possível ler as estatísticas deste hospedeiro</translation>
    </message>
</context>
<context>
    <name>StorageInventory</name>
    <message>
        <source>Listing the storage pools</source>
        <translation>Listando os pools de armazenamento</translation>
    </message>
    <message>
        <source>Listing the virtual machines</source>
        <translation>Listando as máquinas virtuais</translation>
    </message>
</context>
<context>
    <name>StorageJobs</name>
    <message>
        <source>Could not list the storage pools</source>
        <translation>Não foi possível listar os pools de armazenamento</translation>
    </message>
    <message>
        <source>This host's libvirt does not list the pool types it supports: every type is offered, and libvirt says so when one is missing.</source>
        <translation>O libvirt deste hospedeiro não lista os tipos de pool que suporta: todos os tipos são oferecidos, e o libvirt avisa quando algum não estiver disponível.</translation>
    </message>
    <message>
        <source>Could not create the storage pool “%1”</source>
        <translation>Não foi possível criar o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>%1 (its definition was removed again, nothing was kept)</source>
        <translation>%1 (a definição dele foi removida novamente, nada foi mantido)</translation>
    </message>
    <message>
        <source>%1 (and removing its definition failed too: delete the pool by hand)</source>
        <translation>%1 (e a remoção da definição dele também falhou: exclua o pool manualmente)</translation>
    </message>
    <message>
        <source>Could not build the storage pool “%1”</source>
        <translation>Não foi possível construir o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not initialise the device of the storage pool “%1”</source>
        <translation>Não foi possível inicializar o dispositivo do pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not start the new storage pool “%1”</source>
        <translation>Não foi possível iniciar o novo pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not mark the new storage pool “%1” to start with the host</source>
        <translation>Não foi possível marcar o novo pool de armazenamento “%1” para iniciar com o hospedeiro</translation>
    </message>
    <message>
        <source>Could not start the storage pool “%1”</source>
        <translation>Não foi possível iniciar o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not mark the storage pool “%1” to start with the host</source>
        <translation>Não foi possível marcar o pool de armazenamento “%1” para iniciar com o hospedeiro</translation>
    </message>
    <message>
        <source>Could not stop the storage pool “%1”</source>
        <translation>Não foi possível parar o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not refresh the storage pool “%1”</source>
        <translation>Não foi possível atualizar o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>Could not stop the storage pool “%1” starting with the host</source>
        <translation>Não foi possível impedir que o pool de armazenamento “%1” inicie com o hospedeiro</translation>
    </message>
    <message>
        <source>Could not delete the storage pool “%1”</source>
        <translation>Não foi possível excluir o pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>its volumes are used by %1: remove those disks from the VMs first.</source>
        <translation>os volumes dele são usados por %1: remova esses discos das VMs primeiro.</translation>
    </message>
    <message>
        <source>Could not start the storage pool “%1” to delete its volumes</source>
        <translation>Não foi possível iniciar o pool de armazenamento “%1” para excluir seus volumes</translation>
    </message>
    <message numerus="yes">
        <source>Could not delete the volume “%1” of the storage pool “%2” (%n volume(s) were deleted before; the pool was kept)</source>
        <translation>
            <numerusform>Não foi possível excluir o volume “%1” do pool de armazenamento “%2” (%n volume foi excluído antes; o pool foi mantido)</numerusform>
            <numerusform>Não foi possível excluir o volume “%1” do pool de armazenamento “%2” (%n volumes foram excluídos antes; o pool foi mantido)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not remove the directory of the storage pool “%1” (its volumes were deleted and the pool stopped; it is still defined)</source>
        <translation>Não foi possível remover o diretório do pool de armazenamento “%1” (os volumes dele foram excluídos e o pool foi parado; ele continua definido)</translation>
    </message>
    <message>
        <source>Could not create the volume “%1” in the storage pool “%2”</source>
        <translation>Não foi possível criar o volume “%1” no pool de armazenamento “%2”</translation>
    </message>
    <message>
        <source>Could not resize the volume “%1”</source>
        <translation>Não foi possível redimensionar o volume “%1”</translation>
    </message>
    <message>
        <source>Could not copy the volume “%1” to “%2”</source>
        <translation>Não foi possível copiar o volume “%1” para “%2”</translation>
    </message>
    <message>
        <source>Could not delete the volume “%1”</source>
        <translation>Não foi possível excluir o volume “%1”</translation>
    </message>
</context>
<context>
    <name>StorageRules</name>
    <message>
        <source>Directory on the host</source>
        <translation>Diretório no hospedeiro</translation>
    </message>
    <message>
        <source>Pre-formatted block device (fs)</source>
        <translation>Dispositivo de bloco pré-formatado (fs)</translation>
    </message>
    <message>
        <source>NFS export (netfs)</source>
        <translation>Exportação NFS (netfs)</translation>
    </message>
    <message>
        <source>LVM volume group (logical)</source>
        <translation>Grupo de volumes LVM (logical)</translation>
    </message>
    <message>
        <source>iSCSI target</source>
        <translation>Alvo iSCSI</translation>
    </message>
    <message>
        <source>Physical disk device (disk)</source>
        <translation>Dispositivo de disco físico (disk)</translation>
    </message>
    <message>
        <source>A storage pool named “%1” already exists on this host.</source>
        <translation>Já existe um pool de armazenamento chamado “%1” neste hospedeiro.</translation>
    </message>
    <message>
        <source>Crossvirt cannot create pools of type “%1”.</source>
        <translation>O Crossvirt não pode criar pools do tipo “%1”.</translation>
    </message>
    <message>
        <source>This host's libvirt cannot create “%1” pools.</source>
        <translation>O libvirt deste hospedeiro não pode criar pools “%1”.</translation>
    </message>
    <message>
        <source>Give the target path.</source>
        <translation>Informe o caminho de destino.</translation>
    </message>
    <message>
        <source>Give the iSCSI target's IQN.</source>
        <translation>Informe o IQN do alvo iSCSI.</translation>
    </message>
    <message>
        <source>Give the source device (e.g. /dev/sdb).</source>
        <translation>Informe o dispositivo de origem (por exemplo, /dev/sdb).</translation>
    </message>
    <message>
        <source>Give the server's host name or address.</source>
        <translation>Informe o nome de host ou o endereço do servidor.</translation>
    </message>
    <message>
        <source>Give the exported directory on the server.</source>
        <translation>Informe o diretório exportado no servidor.</translation>
    </message>
    <message>
        <source>The target path must be absolute.</source>
        <translation>O caminho de destino deve ser absoluto.</translation>
    </message>
    <message>
        <source>The source device must be an absolute path.</source>
        <translation>O dispositivo de origem deve ser um caminho absoluto.</translation>
    </message>
    <message>
        <source>“%1” is not a format of %2 pools.</source>
        <translation>“%1” não é um formato de pools %2.</translation>
    </message>
    <message>
        <source>Initialising needs a source device of a LVM or disk pool.</source>
        <translation>A inicialização precisa de um dispositivo de origem de um pool LVM ou de disco.</translation>
    </message>
    <message>
        <source>The directory %1 does not exist on this host.</source>
        <translation>O diretório %1 não existe neste hospedeiro.</translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation>%1 não é um diretório.</translation>
    </message>
    <message>
        <source>The directory %1 is not writable.</source>
        <translation>O diretório %1 não tem permissão de escrita.</translation>
    </message>
    <message>
        <source>The format must be qcow2 or raw, not “%1”.</source>
        <translation>O formato deve ser qcow2 ou raw, não “%1”.</translation>
    </message>
    <message>
        <source>The size must be more than 0.</source>
        <translation>O tamanho deve ser maior que 0.</translation>
    </message>
    <message>
        <source>The pool “%1” is not active: start it first.</source>
        <translation>O pool “%1” não está ativo: inicie-o primeiro.</translation>
    </message>
    <message>
        <source>%1 is more than the pool's free space (%2).</source>
        <translation>%1 é mais do que o espaço livre do pool (%2).</translation>
    </message>
    <message>
        <source>Only a qcow2 volume can have a backing volume.</source>
        <translation>Somente um volume qcow2 pode ter um volume de base.</translation>
    </message>
    <message>
        <source>The pool has no volume “%1” to use as backing volume.</source>
        <translation>O pool não tem nenhum volume “%1” para usar como volume de base.</translation>
    </message>
    <message>
        <source>Volumes can only grow: %1 is smaller than its size (%2). Shrinking would cut off the guest's data.</source>
        <translation>Volumes só podem crescer: %1 é menor que o tamanho atual (%2). Reduzir cortaria os dados do convidado.</translation>
    </message>
    <message>
        <source>The volume already has that size.</source>
        <translation>O volume já tem esse tamanho.</translation>
    </message>
    <message>
        <source>Growing by %1 needs more than the pool's free space (%2).</source>
        <translation>Aumentar em %1 precisa de mais do que o espaço livre do pool (%2).</translation>
    </message>
    <message>
        <source>A copy of “%1” needs %2, more than the pool's free space (%3).</source>
        <translation>Uma cópia de “%1” precisa de %2, mais do que o espaço livre do pool (%3).</translation>
    </message>
    <message>
        <source>“%1” is used by %2: remove it from the VM first.</source>
        <translation>“%1” é usado por %2: remova-o da VM primeiro.</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>Creating overlay %1</source>
        <translation>Criando o overlay %1</translation>
    </message>
    <message>
        <source>the template's base volume %1 no longer exists</source>
        <translation>o volume base %1 do modelo não existe mais</translation>
    </message>
    <message>
        <source>Defining %1</source>
        <translation>Definindo %1</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>Iniciando %1</translation>
    </message>
    <message>
        <source>Removing the new VM</source>
        <translation>Removendo a nova VM</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The host was closed</source>
        <translation>O hospedeiro foi fechado</translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation>Copiando %1</translation>
    </message>
    <message>
        <source>Removing the volumes made so far</source>
        <translation>Removendo os volumes criados até agora</translation>
    </message>
    <message>
        <source>These volumes could not be removed: %1</source>
        <translation>Não foi possível remover estes volumes: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 disk %2</source>
        <translation>%1 disco %2</translation>
    </message>
    <message>
        <source>%1 NIC</source>
        <translation>Placa de rede %1</translation>
    </message>
    <message>
        <source>Reading the virtual machine</source>
        <translation>Lendo a máquina virtual</translation>
    </message>
    <message>
        <source>Making a template of “%1”</source>
        <translation>Criando um modelo de “%1”</translation>
    </message>
    <message>
        <source>“%1” is running: shut it down first, so its disks are consistent bases</source>
        <translation>“%1” está em execução: desligue-a primeiro, para que seus discos sejam bases consistentes</translation>
    </message>
    <message>
        <source>“%1” is transient: a template must stay defined when it is not running</source>
        <translation>“%1” é transitória: um modelo deve continuar definido quando não está em execução</translation>
    </message>
    <message>
        <source>“%1” already is a template</source>
        <translation>“%1” já é um modelo</translation>
    </message>
    <message>
        <source>libvirt returned a definition that does not parse</source>
        <translation>O libvirt retornou uma definição que não pôde ser interpretada</translation>
    </message>
    <message>
        <source>Disk %1 (%2) is in no storage pool: the disks of a template must be volumes so new VMs can be made from them</source>
        <translation>O disco %1 (%2) não está em nenhum pool de armazenamento: os discos de um modelo devem ser volumes para que novas VMs possam ser criadas a partir deles</translation>
    </message>
    <message>
        <source>Listing the templates</source>
        <translation>Listando os modelos</translation>
    </message>
    <message>
        <source>Listing the VMs of the host</source>
        <translation>Listando as VMs do hospedeiro</translation>
    </message>
    <message>
        <source>Reading the template</source>
        <translation>Lendo o modelo</translation>
    </message>
    <message>
        <source>Deleting template “%1”</source>
        <translation>Excluindo o modelo “%1”</translation>
    </message>
    <message>
        <source>“%1” is not a template</source>
        <translation>“%1” não é um modelo</translation>
    </message>
    <message>
        <source>“%1” is running</source>
        <translation>“%1” está em execução</translation>
    </message>
    <message>
        <source>These VMs have disks backed by its volumes: %1. Delete them (or their disks) first.</source>
        <translation>Estas VMs têm discos baseados nos volumes dele: %1. Exclua-as (ou seus discos) primeiro.</translation>
    </message>
    <message>
        <source>Its volume %1 is used by %2</source>
        <translation>O volume %1 dele é usado por %2</translation>
    </message>
    <message>
        <source>Deleting the volumes of template “%1”</source>
        <translation>Excluindo os volumes do modelo “%1”</translation>
    </message>
</context>
<context>
    <name>TemplateTree</name>
    <message>
        <source>Not offered: %1</source>
        <translation>Não oferecido: %1</translation>
    </message>
</context>
<context>
    <name>ThumbnailService</name>
    <message>
        <source>%1 guests have no graphical display.</source>
        <translation>Convidados %1 não têm tela gráfica.</translation>
    </message>
</context>
<context>
    <name>TlsCertificateFolder</name>
    <message>
        <source>The CA certificate</source>
        <translation>O certificado da AC</translation>
    </message>
    <message>
        <source>The client certificate</source>
        <translation>O certificado do cliente</translation>
    </message>
    <message>
        <source>The client key</source>
        <translation>A chave do cliente</translation>
    </message>
    <message>
        <source>%1 is not chosen.</source>
        <translation>%1: nenhum arquivo escolhido.</translation>
    </message>
    <message>
        <source>%1 needs an absolute path: %2.</source>
        <translation>%1 precisa de um caminho absoluto: %2.</translation>
    </message>
    <message>
        <source>%1 %2 does not exist.</source>
        <translation>%1 %2 não existe.</translation>
    </message>
    <message>
        <source>%1 %2 is not a file.</source>
        <translation>%1 %2 não é um arquivo.</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read (permissions).</source>
        <translation>%1 %2 não tem permissão de leitura.</translation>
    </message>
    <message>
        <source>Could not create the certificate folder %1.</source>
        <translation>Não foi possível criar a pasta de certificados %1.</translation>
    </message>
    <message>
        <source>Could not link %1 into %2: %3.</source>
        <translation>Não foi possível vincular %1 em %2: %3.</translation>
    </message>
    <message>
        <source>Could not put the certificate links in %1: %2.</source>
        <translation>Não foi possível colocar os links dos certificados em %1: %2.</translation>
    </message>
</context>
<context>
    <name>VmConfig</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%2 %1 %3</translation>
    </message>
    <message>
        <source>NIC %1</source>
        <translation>Placa de rede %1</translation>
    </message>
    <message>
        <source>Console (the serial port)</source>
        <translation>Console (a porta serial)</translation>
    </message>
    <message>
        <source>Display %1</source>
        <translation>Tela %1</translation>
    </message>
    <message>
        <source>Video %1</source>
        <translation>Vídeo %1</translation>
    </message>
    <message>
        <source>Controller %1</source>
        <translation>Controlador %1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Entrada %1</translation>
    </message>
    <message>
        <source>Watchdog %1</source>
        <translation>Watchdog %1</translation>
    </message>
    <message>
        <source>Random number generator %1</source>
        <translation>Gerador de números aleatórios %1</translation>
    </message>
    <message>
        <source>TPM %1</source>
        <translation>TPM %1</translation>
    </message>
    <message>
        <source>USB host device %1</source>
        <translation>Dispositivo USB do hospedeiro %1</translation>
    </message>
    <message>
        <source>PCI host device %1</source>
        <translation>Dispositivo PCI do hospedeiro %1</translation>
    </message>
    <message>
        <source>Memory balloon %1</source>
        <translation>Balloon de memória %1</translation>
    </message>
    <message>
        <source>Memory module %1</source>
        <translation>Módulo de memória %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Dispositivo %1</translation>
    </message>
</context>
<context>
    <name>VmDetailsPage</name>
    <message>
        <source>applies now</source>
        <translation>aplica-se agora</translation>
    </message>
    <message>
        <source>at next boot: %1</source>
        <translation>na próxima inicialização: %1</translation>
    </message>
    <message>
        <source>at next boot</source>
        <translation>na próxima inicialização</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>recusado: %1</translation>
    </message>
</context>
<context>
    <name>VmEditSteps</name>
    <message>
        <source>disk</source>
        <translation>disco</translation>
    </message>
    <message>
        <source>CD-ROM</source>
        <translation>CD-ROM</translation>
    </message>
    <message>
        <source>network interface</source>
        <translation>interface de rede</translation>
    </message>
    <message>
        <source>console</source>
        <translation>console</translation>
    </message>
    <message>
        <source>display</source>
        <translation>tela</translation>
    </message>
    <message>
        <source>video adapter</source>
        <translation>adaptador de vídeo</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>controlador</translation>
    </message>
    <message>
        <source>input device</source>
        <translation>dispositivo de entrada</translation>
    </message>
    <message>
        <source>watchdog</source>
        <translation>watchdog</translation>
    </message>
    <message>
        <source>random number generator</source>
        <translation>gerador de números aleatórios</translation>
    </message>
    <message>
        <source>TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <source>USB host device</source>
        <translation>Dispositivo USB do hospedeiro</translation>
    </message>
    <message>
        <source>PCI host device</source>
        <translation>Dispositivo PCI do hospedeiro</translation>
    </message>
    <message>
        <source>A disk needs a volume or a file</source>
        <translation>Um disco precisa de um volume ou de um arquivo</translation>
    </message>
    <message>
        <source>A network interface needs a network or a bridge</source>
        <translation>Uma interface de rede precisa de uma rede ou de uma bridge</translation>
    </message>
    <message>
        <source>Which controller? Give TYPE/MODEL, e.g. scsi/virtio-scsi</source>
        <translation>Qual controlador? Informe TYPE/MODEL, p. ex. scsi/virtio-scsi</translation>
    </message>
    <message>
        <source>Give the USB device as VENDOR:PRODUCT (e.g. 046d:c52b), not “%1”</source>
        <translation>Informe o dispositivo USB como VENDOR:PRODUCT (p. ex. 046d:c52b), não “%1”</translation>
    </message>
    <message>
        <source>Give the PCI device as pci_DDDD_BB_SS_F or DDDD:BB:SS.F, not “%1”</source>
        <translation>Informe o dispositivo PCI como pci_DDDD_BB_SS_F ou DDDD:BB:SS.F, não “%1”</translation>
    </message>
    <message>
        <source>Crossvirt cannot add a device of kind “%1”</source>
        <translation>O Crossvirt não pode adicionar um dispositivo do tipo “%1”</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
    </message>
    <message>
        <source>Crossvirt does not know the architecture “%1”.</source>
        <translation>O Crossvirt não conhece a arquitetura “%1”.</translation>
    </message>
    <message>
        <source>Add controller %1</source>
        <translation>Adicionar o controlador %1</translation>
    </message>
    <message>
        <source>Add %1 %2</source>
        <translation>Adicionar %1 %2</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>Remover “%1”</translation>
    </message>
    <message>
        <source>The virtual machine has no device “%1”</source>
        <translation>A máquina virtual não tem o dispositivo “%1”</translation>
    </message>
    <message>
        <source>the device is in the definition only</source>
        <translation>o dispositivo está apenas na definição</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remover %1</translation>
    </message>
    <message>
        <source>Eject the CD-ROM %1</source>
        <translation>Ejetar o CD-ROM %1</translation>
    </message>
    <message>
        <source>CD-ROM %1: insert “%2”</source>
        <translation>CD-ROM %1: inserir “%2”</translation>
    </message>
    <message>
        <source>“%1” is not a CD-ROM</source>
        <translation>“%1” não é um CD-ROM</translation>
    </message>
    <message>
        <source>Eject “%1” from the CD-ROM %2</source>
        <translation>Ejetar “%1” do CD-ROM %2</translation>
    </message>
    <message>
        <source>CD-ROM %1: “%2” → “%3”</source>
        <translation>CD-ROM %1: “%2” → “%3”</translation>
    </message>
    <message>
        <source>Reading the virtual machine</source>
        <translation>Lendo a máquina virtual</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nada foi alterado</translation>
    </message>
    <message>
        <source>The virtual machine is no longer running; use --config to change its definition</source>
        <translation>A máquina virtual não está mais em execução; use --config para alterar a definição dela</translation>
    </message>
    <message>
        <source>The virtual machine is transient: it has no definition to change (use --live alone)</source>
        <translation>A máquina virtual é transitória: não tem definição a alterar (use só --live)</translation>
    </message>
    <message>
        <source>Creating the volume for “%1”</source>
        <translation>Criando o volume para “%1”</translation>
    </message>
    <message>
        <source>The pool “%1” has only %2 free; the disk needs %3.</source>
        <translation>O pool “%1” tem apenas %2 livres; o disco precisa de %3.</translation>
    </message>
    <message>
        <source>Writing the definition</source>
        <translation>Gravando a definição</translation>
    </message>
    <message>
        <source>The definition was restored.</source>
        <translation>A definição foi restaurada.</translation>
    </message>
    <message>
        <source>The new definition stays: it takes effect at the next boot.</source>
        <translation>A nova definição permanece: ela entra em vigor na próxima inicialização.</translation>
    </message>
    <message>
        <source>Already applied to the running guest: %1</source>
        <translation>Já aplicado ao convidado em execução: %1</translation>
    </message>
    <message>
        <source>The other changes were applied.</source>
        <translation>As outras alterações foram aplicadas.</translation>
    </message>
    <message>
        <source>Writing the edited XML</source>
        <translation>Gravando o XML editado</translation>
    </message>
    <message>
        <source>The XML is not well-formed: %1 (line %2)</source>
        <translation>O XML não está bem formado: %1 (linha %2)</translation>
    </message>
    <message>
        <source>The XML must keep the virtual machine's UUID %1</source>
        <translation>O XML deve manter o UUID %1 da máquina virtual</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Listing the host's devices</source>
        <translation>Listando os dispositivos do hospedeiro</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The virtual machine is not running: a change can only go to its definition (--config)</source>
        <translation>A máquina virtual não está em execução: uma alteração só pode ir para a definição dela (--config)</translation>
    </message>
    <message>
        <source>libvirt cannot change this on a running guest</source>
        <translation>o libvirt não pode alterar isso em um convidado em execução</translation>
    </message>
    <message>
        <source>written to the definition only (--config)</source>
        <translation>gravado apenas na definição (--config)</translation>
    </message>
    <message>
        <source>cannot apply to the running guest; use --config</source>
        <translation>não pode ser aplicado ao convidado em execução; use --config</translation>
    </message>
    <message>
        <source>%1: cannot apply to the running guest; use --config</source>
        <translation>%1: não pode ser aplicado ao convidado em execução; use --config</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ativado</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>hypervisor default</source>
        <translation>padrão do hipervisor</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>%1 sockets × %2 cores × %3 threads</source>
        <translation>%1 sockets × %2 núcleos × %3 threads</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definição</translation>
    </message>
    <message>
        <source>The virtual machine's definition could not be read.</source>
        <translation>Não foi possível ler a definição da máquina virtual.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Maximum vCPUs: %1 → %2</source>
        <translation>Máximo de vCPUs: %1 → %2</translation>
    </message>
    <message>
        <source>The topology has %1 vCPUs per socket; the maximum must be a multiple of it</source>
        <translation>A topologia tem %1 vCPUs por socket; o máximo deve ser múltiplo disso</translation>
    </message>
    <message>
        <source> (%1 sockets)</source>
        <translation> (%1 sockets)</translation>
    </message>
    <message>
        <source>the new maximum of vCPUs applies at the next boot</source>
        <translation>o novo máximo de vCPUs vale a partir da próxima inicialização</translation>
    </message>
    <message>
        <source>the running guest has at most %1 vCPUs</source>
        <translation>o convidado em execução tem no máximo %1 vCPUs</translation>
    </message>
    <message>
        <source>vCPUs: %1 → %2</source>
        <translation>vCPUs: %1 → %2</translation>
    </message>
    <message>
        <source>The topology gives %1 vCPUs; it must equal the maximum of %2</source>
        <translation>A topologia dá %1 vCPUs; deve ser igual ao máximo de %2</translation>
    </message>
    <message>
        <source>CPU topology: %1 → %2</source>
        <translation>Topologia da CPU: %1 → %2</translation>
    </message>
    <message>
        <source>CPU: %1 → %2</source>
        <translation>CPU: %1 → %2</translation>
    </message>
    <message>
        <source>The memory is split over %1 NUMA cells; change them in the XML</source>
        <translation>A memória está dividida em %1 células NUMA; altere-as no XML</translation>
    </message>
    <message>
        <source>Memory: %1 → %2</source>
        <translation>Memória: %1 → %2</translation>
    </message>
    <message>
        <source>the new memory applies at the next boot</source>
        <translation>a nova memória vale a partir da próxima inicialização</translation>
    </message>
    <message>
        <source>Current memory: %1 → %2</source>
        <translation>Memória atual: %1 → %2</translation>
    </message>
    <message>
        <source>Memory: %1 → %2 (a %3 memory module)</source>
        <translation>Memória: %1 → %2 (um módulo de memória de %3)</translation>
    </message>
    <message>
        <source>The maximum memory takes effect when the guest next starts</source>
        <translation>A memória máxima entra em vigor na próxima vez que o convidado iniciar</translation>
    </message>
    <message>
        <source>Remove the guest's memory modules first</source>
        <translation>Remova primeiro os módulos de memória do convidado</translation>
    </message>
    <message>
        <source>The maximum memory %1 is below the memory %2</source>
        <translation>A memória máxima %1 é menor que a memória %2</translation>
    </message>
    <message>
        <source>Memory hot-plug needs at least one slot</source>
        <translation>A conexão de memória a quente precisa de pelo menos um slot</translation>
    </message>
    <message>
        <source>%1 in %2 slots</source>
        <translation>%1 em %2 slots</translation>
    </message>
    <message>
        <source>Maximum memory for hot-plug: %1 → %2</source>
        <translation>Memória máxima para conexão a quente: %1 → %2</translation>
    </message>
    <message>
        <source>“%1” cannot be booted from</source>
        <translation>Não é possível inicializar a partir de “%1”</translation>
    </message>
    <message>
        <source>Boot order: %1 → %2</source>
        <translation>Ordem de inicialização: %1 → %2</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
    </message>
    <message>
        <source>Firmware: %1 → %2</source>
        <translation>Firmware: %1 → %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>initrd</source>
        <translation>initrd</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>linha de comando</translation>
    </message>
    <message>
        <source>device tree</source>
        <translation>device tree</translation>
    </message>
    <message>
        <source>An initrd, command line or device tree needs a kernel</source>
        <translation>Um initrd, uma linha de comando ou uma device tree precisa de um kernel</translation>
    </message>
    <message>
        <source>Direct kernel boot: %1</source>
        <translation>Inicialização direta do kernel: %1</translation>
    </message>
    <message>
        <source>Start with the host: %1 → %2</source>
        <translation>Iniciar com o host: %1 → %2</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>sem origem</translation>
    </message>
    <message>
        <source>bridge “%1”</source>
        <translation>bridge “%1”</translation>
    </message>
    <message>
        <source>network “%1”</source>
        <translation>rede “%1”</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
    <message>
        <source>Change the network interface %1</source>
        <translation>Alterar a interface de rede %1</translation>
    </message>
    <message>
        <source>The virtual machine has no network interface “%1”</source>
        <translation>A máquina virtual não tem a interface de rede “%1”</translation>
    </message>
    <message>
        <source>%1: link up</source>
        <translation>%1: link ativo</translation>
    </message>
    <message>
        <source>%1: link down</source>
        <translation>%1: link inativo</translation>
    </message>
    <message>
        <source>%1: model %2 → %3</source>
        <translation>%1: modelo %2 → %3</translation>
    </message>
    <message>
        <source>Name: %1 → %2</source>
        <translation>Nome: %1 → %2</translation>
    </message>
    <message>
        <source> (its UEFI variables start afresh: libvirt names their file after the VM)</source>
        <translation> (as variáveis UEFI dela recomeçam do zero: o libvirt dá ao arquivo delas o nome da VM)</translation>
    </message>
</context>
<context>
    <name>VmPoolPlan</name>
    <message>
        <source>Enter a name for the pool.</source>
        <translation>Digite um nome para o pool.</translation>
    </message>
    <message>
        <source>The pool name “%1” may only hold letters, digits, “-”, “_” and “.”.</source>
        <translation>O nome do pool “%1” só pode conter letras, dígitos, “-”, “_” e “.”.</translation>
    </message>
    <message>
        <source>The pool name is too long: at most %1 bytes.</source>
        <translation>O nome do pool é longo demais: no máximo %1 bytes.</translation>
    </message>
    <message>
        <source>A VM pool named “%1” already exists.</source>
        <translation>Já existe um pool de VMs chamado “%1”.</translation>
    </message>
    <message>
        <source>A pool holds 1 to %1 VMs, not %2.</source>
        <translation>Um pool contém de 1 a %1 VMs, não %2.</translation>
    </message>
    <message>
        <source>The template “%1” is a %2 guest; the cluster runs %3 guests.</source>
        <translation>O modelo “%1” é um convidado %2; o cluster executa convidados %3.</translation>
    </message>
    <message>
        <source>Emulates %1 guests; hosts that run them natively are used first.</source>
        <translation>Emula convidados %1; hospedeiros que os executam nativamente são usados primeiro.</translation>
    </message>
    <message>
        <source>No host of the cluster can run the template “%1”.</source>
        <translation>Nenhum hospedeiro do cluster pode executar o modelo “%1”.</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1 (em %2)</translation>
    </message>
    <message>
        <source>These names are already taken: %1.</source>
        <translation>Estes nomes já estão em uso: %1.</translation>
    </message>
    <message>
        <source>%1 VMs of %2 MiB need %3 MiB of memory; the hosts that can run them have %4 MiB free (room for %5).</source>
        <translation>%1 VMs de %2 MiB precisam de %3 MiB de memória; os hospedeiros que podem executá-las têm %4 MiB livres (espaço para %5).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… e mais %n.</numerusform>
            <numerusform>… e mais %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pool “%1” on %2 needs %3 for the disks of %n VMs; it has %4 free.</source>
        <translation>
            <numerusform>O pool “%1” em %2 precisa de %3 para os discos de %n VM; ele tem %4 livres.</numerusform>
            <numerusform>O pool “%1” em %2 precisa de %3 para os discos de %n VMs; ele tem %4 livres.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VmPools</name>
    <message>
        <source>A pool needs at least one VM.</source>
        <translation>Um pool precisa de pelo menos uma VM.</translation>
    </message>
    <message>
        <source>The first number cannot be negative.</source>
        <translation>O primeiro número não pode ser negativo.</translation>
    </message>
    <message>
        <source>The number in “%1” is too wide: at most 9 digits.</source>
        <translation>O número em “%1” é largo demais: no máximo 9 dígitos.</translation>
    </message>
    <message>
        <source>The name pattern ends in an unfinished conversion “%1”.</source>
        <translation>O padrão de nome termina com uma conversão incompleta “%1”.</translation>
    </message>
    <message>
        <source>“%1” is not a number conversion: use %d, %02d or %3d (write %% for a percent sign).</source>
        <translation>“%1” não é uma conversão numérica: use %d, %02d ou %3d (escreva %% para um sinal de porcentagem).</translation>
    </message>
    <message>
        <source>The name pattern “%1” has no number: add %d or %02d where the VM's number goes.</source>
        <translation>O padrão de nome “%1” não tem número: adicione %d ou %02d onde vai o número da VM.</translation>
    </message>
    <message>
        <source>The name pattern “%1” has %2 numbers: use exactly one.</source>
        <translation>O padrão de nome “%1” tem %2 números: use exatamente um.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <source>The name pattern “%1” gives “%2” twice.</source>
        <translation>O padrão de nome “%1” gera “%2” duas vezes.</translation>
    </message>
    <message>
        <source>Could not list the VMs</source>
        <translation>Não foi possível listar as VMs</translation>
    </message>
    <message>
        <source>The connection was closed; deleted: %1</source>
        <translation>A conexão foi fechada; excluídas: %1</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>Não foi possível excluir “%1”: %2</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2 (deleted: %3)</source>
        <translation>Não foi possível excluir “%1”: %2 (excluídas: %3)</translation>
    </message>
</context>
<context>
    <name>VmSpecValidator</name>
    <message>
        <source>The disk size must be more than 0 GiB.</source>
        <translation>O tamanho do disco deve ser maior que 0 GiB.</translation>
    </message>
    <message>
        <source>The pool “%1” has only %2 free; the disk needs %3 GiB.</source>
        <translation>O pool “%1” tem apenas %2 livres; o disco precisa de %3 GiB.</translation>
    </message>
    <message>
        <source>Choose a storage pool for the disk.</source>
        <translation>Escolha um pool de armazenamento para o disco.</translation>
    </message>
    <message>
        <source>There is no storage pool “%1” on this host.</source>
        <translation>Não há pool de armazenamento “%1” neste hospedeiro.</translation>
    </message>
    <message>
        <source>The storage pool “%1” is not active.</source>
        <translation>O pool de armazenamento “%1” não está ativo.</translation>
    </message>
    <message>
        <source>The disk format must be qcow2 or raw.</source>
        <translation>O formato do disco deve ser qcow2 ou raw.</translation>
    </message>
    <message>
        <source>Choose the volume to use as the disk.</source>
        <translation>Escolha o volume a ser usado como disco.</translation>
    </message>
    <message>
        <source>The pool “%1” has no volume “%2”.</source>
        <translation>O pool “%1” não tem o volume “%2”.</translation>
    </message>
    <message>
        <source>The guest architecture “%1” does not match “%2”.</source>
        <translation>A arquitetura do convidado “%1” não corresponde a “%2”.</translation>
    </message>
    <message>
        <source>The machine type “%1” is not one Crossvirt supports for %2 guests.</source>
        <translation>O tipo de máquina “%1” não é suportado pelo Crossvirt para convidados %2.</translation>
    </message>
    <message>
        <source>The memory must be more than 0 MiB.</source>
        <translation>A memória deve ser maior que 0 MiB.</translation>
    </message>
    <message>
        <source>%1 guests need at least %2 MiB of memory.</source>
        <translation>Convidados %1 precisam de pelo menos %2 MiB de memória.</translation>
    </message>
    <message>
        <source>Memory of %1 guests must be a multiple of %2 MiB (for example %3 MiB).</source>
        <translation>A memória de convidados %1 deve ser múltipla de %2 MiB (por exemplo, %3 MiB).</translation>
    </message>
    <message>
        <source>The host has only %1 MiB of memory; the guest asks for %2 MiB.</source>
        <translation>O hospedeiro tem apenas %1 MiB de memória; o convidado pede %2 MiB.</translation>
    </message>
    <message>
        <source>A virtual machine needs at least one virtual CPU.</source>
        <translation>Uma máquina virtual precisa de pelo menos uma CPU virtual.</translation>
    </message>
    <message>
        <source>%1 guests can have at most %2 virtual CPUs here.</source>
        <translation>Convidados %1 podem ter no máximo %2 CPUs virtuais aqui.</translation>
    </message>
    <message>
        <source>The CPU mode “%1” is not available for this guest.</source>
        <translation>O modo de CPU “%1” não está disponível para este convidado.</translation>
    </message>
    <message>
        <source>Choose a CPU model.</source>
        <translation>Escolha um modelo de CPU.</translation>
    </message>
    <message>
        <source>The CPU model “%1” is not available for %2 guests.</source>
        <translation>O modelo de CPU “%1” não está disponível para convidados %2.</translation>
    </message>
    <message>
        <source>UEFI is not available for this guest.</source>
        <translation>UEFI não está disponível para este convidado.</translation>
    </message>
    <message>
        <source>%1 guests need UEFI firmware.</source>
        <translation>Convidados %1 precisam de firmware UEFI.</translation>
    </message>
    <message>
        <source>“%1” is not a disk interface for %2 guests.</source>
        <translation>“%1” não é uma interface de disco para convidados %2.</translation>
    </message>
    <message>
        <source>Choose the ISO image for the CD-ROM.</source>
        <translation>Escolha a imagem ISO para o CD-ROM.</translation>
    </message>
    <message>
        <source>There is no volume “%1” in pool “%2”.</source>
        <translation>Não há volume “%1” no pool “%2”.</translation>
    </message>
    <message>
        <source>“%1” is not a CD-ROM interface for %2 guests.</source>
        <translation>“%1” não é uma interface de CD-ROM para convidados %2.</translation>
    </message>
    <message>
        <source>Choose the network for the network card.</source>
        <translation>Escolha a rede para a placa de rede.</translation>
    </message>
    <message>
        <source>There is no network “%1” on this host.</source>
        <translation>Não há rede “%1” neste hospedeiro.</translation>
    </message>
    <message>
        <source>“%1” is not a network card model for %2 guests.</source>
        <translation>“%1” não é um modelo de placa de rede para convidados %2.</translation>
    </message>
    <message>
        <source>“%1” is not a display type for %2 guests.</source>
        <translation>“%1” não é um tipo de tela para convidados %2.</translation>
    </message>
    <message>
        <source>“%1” is not a video model for %2 guests.</source>
        <translation>“%1” não é um modelo de vídeo para convidados %2.</translation>
    </message>
    <message>
        <source>“%1” is not a console type for %2 guests.</source>
        <translation>“%1” não é um tipo de console para convidados %2.</translation>
    </message>
    <message>
        <source>Choose the virtual machine to add the disk to.</source>
        <translation>Escolha a máquina virtual à qual adicionar o disco.</translation>
    </message>
    <message>
        <source>There is no virtual machine “%1” on this host.</source>
        <translation>Não há máquina virtual “%1” neste hospedeiro.</translation>
    </message>
    <message>
        <source>The %1 must be an absolute path on the VM's host, not “%2”.</source>
        <translation>O %1 deve ser um caminho absoluto no host da VM, não “%2”.</translation>
    </message>
    <message>
        <source>“%1” is not an install method for %2 guests.</source>
        <translation>“%1” não é um método de instalação para convidados %2.</translation>
    </message>
    <message>
        <source>Give the kernel to boot: a path on the VM's host.</source>
        <translation>Informe o kernel a inicializar: um caminho no host da VM.</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>initrd</source>
        <translation>initrd</translation>
    </message>
    <message>
        <source>device tree</source>
        <translation>device tree</translation>
    </message>
    <message>
        <source>Importing boots an existing disk: choose “Use an existing volume” and its volume.</source>
        <translation>Importar inicializa um disco existente: escolha “Usar um volume existente” e o volume.</translation>
    </message>
    <message>
        <source>Network boot needs a network card.</source>
        <translation>A inicialização pela rede precisa de uma placa de rede.</translation>
    </message>
    <message>
        <source>Disk %1: </source>
        <translation>Disco %1: </translation>
    </message>
    <message>
        <source>choose a new or an existing volume.</source>
        <translation>escolha um volume novo ou existente.</translation>
    </message>
    <message>
        <source>Another disk of this VM already gets the volume name “%1”.</source>
        <translation>Outro disco desta VM já recebe o nome de volume “%1”.</translation>
    </message>
    <message>
        <source>%1 guests hold at most %2 %3 devices; this VM has %4.</source>
        <translation>Convidados %1 comportam no máximo %2 dispositivos %3; esta VM tem %4.</translation>
    </message>
    <message>
        <source>Network card %1: </source>
        <translation>Placa de rede %1: </translation>
    </message>
    <message>
        <source>choose its network.</source>
        <translation>escolha a rede dela.</translation>
    </message>
    <message>
        <source>there is no network “%1” on this host.</source>
        <translation>não há rede “%1” neste host.</translation>
    </message>
    <message>
        <source>“%1” is not a boot device; use hd, cdrom or network.</source>
        <translation>“%1” não é um dispositivo de inicialização; use hd, cdrom ou network.</translation>
    </message>
    <message>
        <source>“%1” is in the boot order twice.</source>
        <translation>“%1” aparece duas vezes na ordem de inicialização.</translation>
    </message>
    <message>
        <source>The boot order names a disk, but the VM has none.</source>
        <translation>A ordem de inicialização cita um disco, mas a VM não tem nenhum.</translation>
    </message>
    <message>
        <source>The boot order names a CD-ROM, but the VM has none.</source>
        <translation>A ordem de inicialização cita um CD-ROM, mas a VM não tem nenhum.</translation>
    </message>
    <message>
        <source>The boot order names the network, but the VM has no network card.</source>
        <translation>A ordem de inicialização cita a rede, mas a VM não tem placa de rede.</translation>
    </message>
</context>
<context>
    <name>VmTileModel</name>
    <message>
        <source>Thumbnails are off for this remote host.</source>
        <translation>As miniaturas estão desativadas para este hospedeiro remoto.</translation>
    </message>
    <message>
        <source>Waiting for a screenshot…</source>
        <translation>Aguardando uma captura de tela…</translation>
    </message>
    <message>
        <source>%1 (%2, %3%4) on %5</source>
        <translation>%1 (%2, %3%4) em %5</translation>
    </message>
    <message>
        <source>, emulated</source>
        <translation>, emulado</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>VncEndpoint</name>
    <message>
        <source>the VM's graphics socket</source>
        <translation>o socket gráfico da VM</translation>
    </message>
</context>
<context>
    <name>X86Arch</name>
    <message>
        <source>x86-64 (Intel/AMD 64-bit)</source>
        <translation>x86-64 (Intel/AMD 64 bits)</translation>
    </message>
    <message>
        <source>x86 (Intel/AMD 32-bit)</source>
        <translation>x86 (Intel/AMD 32 bits)</translation>
    </message>
    <message>
        <source>IDE is not available on q35 machines; use SATA, or the pc machine</source>
        <translation>IDE não está disponível em máquinas q35; use SATA ou a máquina pc</translation>
    </message>
    <message>
        <source>UEFI (OVMF)</source>
        <translation>UEFI (OVMF)</translation>
    </message>
    <message>
        <source>UEFI is not offered for 32-bit x86 guests</source>
        <translation>UEFI não é oferecido para convidados x86 de 32 bits</translation>
    </message>
    <message>
        <source>BIOS (SeaBIOS)</source>
        <translation>BIOS (SeaBIOS)</translation>
    </message>
    <message>
        <source>Intel Nehalem Family</source>
        <translation>Família Intel Nehalem</translation>
    </message>
    <message>
        <source>Intel Westmere Family</source>
        <translation>Família Intel Westmere</translation>
    </message>
    <message>
        <source>Intel SandyBridge Family</source>
        <translation>Família Intel SandyBridge</translation>
    </message>
    <message>
        <source>Intel IvyBridge Family</source>
        <translation>Família Intel IvyBridge</translation>
    </message>
    <message>
        <source>Intel Haswell Family</source>
        <translation>Família Intel Haswell</translation>
    </message>
    <message>
        <source>Intel Broadwell Family</source>
        <translation>Família Intel Broadwell</translation>
    </message>
    <message>
        <source>Intel Skylake Client Family</source>
        <translation>Família Intel Skylake Client</translation>
    </message>
    <message>
        <source>Intel Skylake Server Family</source>
        <translation>Família Intel Skylake Server</translation>
    </message>
    <message>
        <source>Intel Cascadelake Server Family</source>
        <translation>Família Intel Cascadelake Server</translation>
    </message>
    <message>
        <source>Intel Icelake Server Family</source>
        <translation>Família Intel Icelake Server</translation>
    </message>
    <message>
        <source>Intel SapphireRapids Server Family</source>
        <translation>Família Intel SapphireRapids Server</translation>
    </message>
    <message>
        <source>AMD Opteron G4</source>
        <translation>AMD Opteron G4</translation>
    </message>
    <message>
        <source>AMD Opteron G5</source>
        <translation>AMD Opteron G5</translation>
    </message>
    <message>
        <source>AMD EPYC</source>
        <translation>AMD EPYC</translation>
    </message>
    <message>
        <source>AMD EPYC-Rome</source>
        <translation>AMD EPYC-Rome</translation>
    </message>
    <message>
        <source>AMD EPYC-Milan</source>
        <translation>AMD EPYC-Milan</translation>
    </message>
    <message>
        <source>AMD EPYC-Genoa</source>
        <translation>AMD EPYC-Genoa</translation>
    </message>
</context>
<context>
    <name>XmlLimits</name>
    <message>
        <source>The host sent %1 of XML; more than %2 is not read.</source>
        <translation>O hospedeiro enviou %1 de XML; mais de %2 não é lido.</translation>
    </message>
    <message>
        <source>The host sent invalid UTF-8; the bad bytes are shown as �.</source>
        <translation>O hospedeiro enviou UTF-8 inválido; os bytes inválidos são mostrados como �.</translation>
    </message>
    <message>
        <source>The XML is nested deeper than %1 elements; not read.</source>
        <translation>O XML tem aninhamento mais profundo que %1 elementos; não foi lido.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>no answer from the host in time</source>
        <translation>o hospedeiro não respondeu a tempo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>List the hosts: URI, state, arch, CPU, memory, error</source>
        <translation>Lista os hospedeiros: URI, estado, arquitetura, CPU, memória, erro</translation>
    </message>
    <message>
        <source>List the VMs of every host: name, state, arch, native or emulated</source>
        <translation>Lista as VMs de todos os hospedeiros: nome, estado, arquitetura, nativa ou emulada</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>opção desconhecida %1</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>comando desconhecido %1</translation>
    </message>
    <message>
        <source>Save a running VM's VNC screen as PNG (--vm NAME --out FILE)</source>
        <translation>Salva a tela VNC de uma VM em execução como PNG (--vm NOME --out ARQUIVO)</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>argumento inesperado %1</translation>
    </message>
    <message>
        <source>give exactly one host with --connect URI</source>
        <translation>informe exatamente um hospedeiro com --connect URI</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>nenhum hospedeiro</translation>
    </message>
    <message>
        <source>none: the host has no domain capabilities, the arch policy alone applies</source>
        <translation>nenhuma: o hospedeiro não tem capacidades de domínio; vale apenas a política da arquitetura</translation>
    </message>
    <message>
        <source>Machine type (default: the arch's).</source>
        <translation>Tipo de máquina (padrão: o da arquitetura).</translation>
    </message>
    <message>
        <source>Do not consider hosts that can only emulate the arch.</source>
        <translation>Não considerar hospedeiros que só podem emular a arquitetura.</translation>
    </message>
    <message>
        <source>--arch is required</source>
        <translation>--arch é obrigatório</translation>
    </message>
    <message>
        <source>unknown architecture %1 (known: %2)</source>
        <translation>arquitetura desconhecida %1 (conhecidas: %2)</translation>
    </message>
    <message>
        <source>--%1 needs a whole number, not “%2”</source>
        <translation>--%1 precisa de um número inteiro, não “%2”</translation>
    </message>
    <message>
        <source>Name of the new VM.</source>
        <translation>Nome da nova VM.</translation>
    </message>
    <message>
        <source>Guest architecture.</source>
        <translation>Arquitetura do convidado.</translation>
    </message>
    <message>
        <source>Machine type.</source>
        <translation>Tipo de máquina.</translation>
    </message>
    <message>
        <source>Guest OS (osinfo short-id, e.g. rhel9.0).</source>
        <translation>Sistema operacional do convidado (short-id do osinfo, ex.: rhel9.0).</translation>
    </message>
    <message>
        <source>Memory in MiB.</source>
        <translation>Memória em MiB.</translation>
    </message>
    <message>
        <source>Virtual CPUs.</source>
        <translation>CPUs virtuais.</translation>
    </message>
    <message>
        <source>Size of a new disk volume in GiB.</source>
        <translation>Tamanho de um novo volume de disco em GiB.</translation>
    </message>
    <message>
        <source>Storage pool of the new disk.</source>
        <translation>Pool de armazenamento do novo disco.</translation>
    </message>
    <message>
        <source>Disk format: qcow2 (default) or raw.</source>
        <translation>Formato do disco: qcow2 (padrão) ou raw.</translation>
    </message>
    <message>
        <source>ISO volume for a CD-ROM, as POOL/VOLUME.</source>
        <translation>Volume ISO para um CD-ROM, como POOL/VOLUME.</translation>
    </message>
    <message>
        <source>CD-ROM interface.</source>
        <translation>Interface do CD-ROM.</translation>
    </message>
    <message>
        <source>Network card model.</source>
        <translation>Modelo da placa de rede.</translation>
    </message>
    <message>
        <source>libvirt network of the network card.</source>
        <translation>Rede do libvirt da placa de rede.</translation>
    </message>
    <message>
        <source>No network card.</source>
        <translation>Sem placa de rede.</translation>
    </message>
    <message>
        <source>Display: vnc, spice or none.</source>
        <translation>Tela: vnc, spice ou none.</translation>
    </message>
    <message>
        <source>Video model.</source>
        <translation>Modelo de vídeo.</translation>
    </message>
    <message>
        <source>Refuse a host that can only emulate the arch.</source>
        <translation>Recusar um hospedeiro que só pode emular a arquitetura.</translation>
    </message>
    <message>
        <source>Start the VM once it is defined.</source>
        <translation>Iniciar a VM assim que for definida.</translation>
    </message>
    <message>
        <source>Print the domain XML and change nothing.</source>
        <translation>Exibir o XML do domínio sem alterar nada.</translation>
    </message>
    <message>
        <source>--name and --arch are required</source>
        <translation>--name e --arch são obrigatórios</translation>
    </message>
    <message>
        <source>unknown architecture %1</source>
        <translation>arquitetura desconhecida %1</translation>
    </message>
    <message>
        <source>os: osinfo knows no OS “%1”</source>
        <translation>os: o osinfo não conhece o sistema operacional “%1”</translation>
    </message>
    <message>
        <source>os: %1 does not run on %2 guests</source>
        <translation>os: %1 não roda em convidados %2</translation>
    </message>
    <message>
        <source>--pool needs --disk-size</source>
        <translation>--pool requer --disk-size</translation>
    </message>
    <message>
        <source>--cdrom takes POOL/VOLUME</source>
        <translation>--cdrom recebe POOL/VOLUME</translation>
    </message>
    <message>
        <source>Name of the VM.</source>
        <translation>Nome da VM.</translation>
    </message>
    <message>
        <source>Size of the new disk in GiB.</source>
        <translation>Tamanho do novo disco em GiB.</translation>
    </message>
    <message>
        <source>Disk interface (default: the arch's).</source>
        <translation>Interface de disco (padrão: a da arquitetura).</translation>
    </message>
    <message>
        <source>Storage pool (default: 'default' or the first active).</source>
        <translation>Pool de armazenamento (padrão: 'default' ou o primeiro ativo).</translation>
    </message>
    <message>
        <source>qcow2 (default) or raw.</source>
        <translation>qcow2 (padrão) ou raw.</translation>
    </message>
    <message>
        <source>Name of the new volume (default: &lt;vm&gt;-diskN).</source>
        <translation>Nome do novo volume (padrão: &lt;vm&gt;-diskN).</translation>
    </message>
    <message>
        <source>--vm and --size are required</source>
        <translation>--vm e --size são obrigatórios</translation>
    </message>
    <message>
        <source>vm: there is no virtual machine “%1” on %2</source>
        <translation>vm: não há máquina virtual “%1” em %2</translation>
    </message>
    <message>
        <source>vm: Crossvirt does not know the architecture “%1”</source>
        <translation>vm: o Crossvirt não conhece a arquitetura “%1”</translation>
    </message>
    <message>
        <source>What the New-VM dialog offers for --arch A on a host, withheld entries with reasons</source>
        <translation>O que a caixa de diálogo Nova VM oferece para --arch A em um hospedeiro, com os itens omitidos e os motivos</translation>
    </message>
    <message>
        <source>Create a VM (--name, --arch, ...); --dry-run prints its XML only</source>
        <translation>Cria uma VM (--name, --arch, ...); --dry-run apenas exibe o XML dela</translation>
    </message>
    <message>
        <source>Add a new disk to a VM (--vm, --size, --bus, --pool)</source>
        <translation>Adiciona um novo disco a uma VM (--vm, --size, --bus, --pool)</translation>
    </message>
    <message>
        <source>Sample host and VM statistics (CPU, memory, disk, network) as JSON</source>
        <translation>Coleta estatísticas de hospedeiros e VMs (CPU, memória, disco, rede) em JSON</translation>
    </message>
    <message>
        <source>Name of the virtual machine.</source>
        <translation>Nome da máquina virtual.</translation>
    </message>
    <message>
        <source>PNG file to write.</source>
        <translation>Arquivo PNG a gravar.</translation>
    </message>
    <message>
        <source>console-snapshot needs --vm NAME and --out FILE.png</source>
        <translation>console-snapshot requer --vm NOME e --out ARQUIVO.png</translation>
    </message>
    <message>
        <source>console-snapshot needs exactly one --connect URI</source>
        <translation>console-snapshot requer exatamente um --connect URI</translation>
    </message>
    <message>
        <source>no virtual machine named “%1” on %2</source>
        <translation>nenhuma máquina virtual chamada “%1” em %2</translation>
    </message>
    <message>
        <source>no full screen from %1: %2</source>
        <translation>nenhuma tela completa de %1: %2</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>stats: no virtual machine named “%1”</source>
        <translation>stats: nenhuma máquina virtual chamada “%1”</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 precisa de um valor</translation>
    </message>
    <message>
        <source>Global options (before or after the command):
  -c, --connect URI   Host to work on (repeatable). Without it the saved connection
                      list is used, or the demo datacenter when there is none.
  --timeout S         Seconds to wait for each host (default 30).
  -h, --help          This help; after a command, that command's options.
  --version           The version.

Exit codes:
  0   done
  1   refused or invalid input (the reasons are on stderr)
  2   a host was unreachable or failed (libvirt's message on stderr)
  64  bad usage (unknown command or option, missing argument)
</source>
        <translation>Opções globais (antes ou depois do comando):
  -c, --connect URI   Hospedeiro a usar (repetível). Sem ela é usada a lista de
                      conexões salva, ou o datacenter de demonstração se não houver.
  --timeout S         Segundos de espera por hospedeiro (padrão 30).
  -h, --help          Esta ajuda; depois de um comando, as opções desse comando.
  --version           A versão.

Códigos de saída:
  0   concluído
  1   entrada recusada ou inválida (os motivos vão para stderr)
  2   um hospedeiro estava inacessível ou falhou (mensagem do libvirt em stderr)
  64  uso incorreto (comando ou opção desconhecida, argumento faltando)
</translation>
    </message>
    <message>
        <source>Show this command's options.</source>
        <translation>Mostra as opções deste comando.</translation>
    </message>
    <message>
        <source>Usage: crossvirt-cli [global options] %1 [options]

%2

%3

%4</source>
        <translation>Uso: crossvirt-cli [opções globais] %1 [opções]

%2

%3

%4</translation>
    </message>
    <message>
        <source>Guest architecture (%1).</source>
        <translation>Arquitetura do convidado (%1).</translation>
    </message>
    <message>
        <source>Disk interface (the ids `choices --arch A` offers).</source>
        <translation>Interface de disco (os ids que `choices --arch A` oferece).</translation>
    </message>
    <message>
        <source>Only this VM (default: every running VM).</source>
        <translation>Apenas esta VM (padrão: todas as VMs em execução).</translation>
    </message>
    <message>
        <source>Samples to print (default 3).</source>
        <translation>Amostras a imprimir (padrão 3).</translation>
    </message>
    <message>
        <source>Seconds between samples (default %1).</source>
        <translation>Segundos entre amostras (padrão %1).</translation>
    </message>
    <message>
        <source>Print what a running VM's serial console shows for S seconds (--vm)</source>
        <translation>Imprime o que o console serial de uma VM em execução mostra por S segundos (--vm)</translation>
    </message>
    <message>
        <source>Seconds to wait for a full screen of the guest's own (default 30); QEMU's "Guest has not initialized the display" placeholder does not count (exit 1 when only that came).</source>
        <translation>Segundos de espera por uma tela inteira do próprio convidado (padrão 30); a tela provisória "Guest has not initialized the display" do QEMU não conta (sai com 1 quando só ela veio).</translation>
    </message>
    <message>
        <source>the guest has not initialized its display: after %1 s QEMU still shows “%2” (no PNG written)</source>
        <translation>o convidado não inicializou sua tela: após %1 s o QEMU ainda mostra “%2” (nenhum PNG gravado)</translation>
    </message>
    <message>
        <source>“%1” ends with a lone backslash (write \\ for one)</source>
        <translation>“%1” termina com uma barra invertida solta (escreva \\ para uma)</translation>
    </message>
    <message>
        <source>\x in “%1” needs two hex digits</source>
        <translation>\x em “%1” precisa de dois dígitos hexadecimais</translation>
    </message>
    <message>
        <source>unknown escape \%1 in “%2” (known: \n \r \t \e \\ \xHH)</source>
        <translation>escape desconhecido \%1 em “%2” (conhecidos: \n \r \t \e \\ \xHH)</translation>
    </message>
    <message>
        <source>“%1” exists on several hosts (%2): choose one with --connect URI</source>
        <translation>“%1” existe em vários hosts (%2): escolha um com --connect URI</translation>
    </message>
    <message>
        <source>Prints what the VM's serial console shows, the bytes as received, on stdout (notes go
to stderr), like a non-interactive `virsh console`. The console is taken over from any
other client, as virt-manager does. TEXT of --send and --until understands the escapes
\n \r \t \e \\ and \xHH, e.g. --send 'uname -a\n'.

Exit 0 after S seconds, once --until TEXT appeared, or when the guest stopped and so
closed its console (a note on stderr says so); 1 when the VM is not running, has no
serial console, or --until TEXT did not appear; 2 when the host is unreachable, the
console could not be opened, or something else closed it (e.g. another client took it
over).</source>
        <translation>Imprime o que o console serial da VM mostra, os bytes como recebidos, na saída padrão
(avisos vão para stderr), como um `virsh console` não interativo. O console é tomado de
qualquer outro cliente, como faz o virt-manager. O TEXTO de --send e --until entende os
escapes \n \r \t \e \\ e \xHH, p. ex. --send 'uname -a\n'.

Sai com 0 após S segundos, assim que TEXTO de --until apareceu, ou quando o convidado
parou e fechou seu console (um aviso em stderr diz isso); 1 quando a VM não está em
execução, não tem console serial, ou TEXTO de --until não apareceu; 2 quando o host está
inacessível, o console não pôde ser aberto, ou outra coisa o fechou (p. ex. outro cliente
o tomou).</translation>
    </message>
    <message>
        <source>How long to read the console, in seconds (default 10).</source>
        <translation>Por quanto tempo ler o console, em segundos (padrão 10).</translation>
    </message>
    <message>
        <source>Type TEXT into the console once it is open (escapes as above).</source>
        <translation>Digita TEXTO no console assim que ele abrir (escapes como acima).</translation>
    </message>
    <message>
        <source>Stop as soon as TEXT has appeared in the output (exit 1 if it does not within S seconds).</source>
        <translation>Para assim que TEXTO aparecer na saída (sai com 1 se não aparecer em S segundos).</translation>
    </message>
    <message>
        <source>serial needs --vm NAME</source>
        <translation>serial precisa de --vm NOME</translation>
    </message>
    <message>
        <source>--seconds needs a number of seconds above 0 (got “%1”)</source>
        <translation>--seconds precisa de um número de segundos acima de 0 (recebeu “%1”)</translation>
    </message>
    <message>
        <source>--until needs a non-empty TEXT</source>
        <translation>--until precisa de um TEXTO não vazio</translation>
    </message>
    <message>
        <source>“%1” is not running (%2): its serial console shows nothing</source>
        <translation>“%1” não está em execução (%2): seu console serial não mostra nada</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>sumiu</translation>
    </message>
    <message>
        <source>%1: no answer from the host in time</source>
        <translation>%1: o host não respondeu a tempo</translation>
    </message>
    <message>
        <source>“%1” has no serial console (no &lt;serial&gt; or &lt;console&gt; device in its definition)</source>
        <translation>“%1” não tem console serial (nenhum dispositivo &lt;serial&gt; ou &lt;console&gt; na definição)</translation>
    </message>
    <message>
        <source>could not open the serial console of “%1”: %2</source>
        <translation>não foi possível abrir o console serial de “%1”: %2</translation>
    </message>
    <message>
        <source>could not open the serial console of “%1”: no answer from %2 in time</source>
        <translation>não foi possível abrir o console serial de “%1”: %2 não respondeu a tempo</translation>
    </message>
    <message>
        <source>the console closed after %1 s: the guest stopped (%2)</source>
        <translation>o console fechou após %1 s: o convidado parou (%2)</translation>
    </message>
    <message>
        <source>“%1” did not appear</source>
        <translation>“%1” não apareceu</translation>
    </message>
    <message>
        <source>the console closed after %1 s while the guest still runs (another client may have taken it over): %2</source>
        <translation>o console fechou após %1 s com o convidado ainda em execução (outro cliente pode tê-lo tomado): %2</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fechado</translation>
    </message>
    <message>
        <source>“%1” did not appear within %2 s</source>
        <translation>“%1” não apareceu em %2 s</translation>
    </message>
    <message>
        <source>the console of “%1” showed nothing in %2 s</source>
        <translation>o console de “%1” não mostrou nada em %2 s</translation>
    </message>
    <message>
        <source>Console type (the ids `choices --arch A` offers; default: the arch's).</source>
        <translation>Tipo de console (os ids que `choices --arch A` oferece; padrão: o da arquitetura).</translation>
    </message>
    <message>
        <source>Direct kernel boot: the kernel, a path on the VM's host (a pool volume's path works).</source>
        <translation>Inicialização direta do kernel: o kernel, um caminho no host da VM (o caminho de um volume de pool serve).</translation>
    </message>
    <message>
        <source>Initial ramdisk for --kernel, a path on the VM's host.</source>
        <translation>Ramdisk inicial para --kernel, um caminho no host da VM.</translation>
    </message>
    <message>
        <source>Kernel arguments for --kernel (default: the arch's console argument for the chosen console, e.g. console=ttyS0).</source>
        <translation>Argumentos do kernel para --kernel (padrão: o argumento de console da arquitetura para o console escolhido, p. ex. console=ttyS0).</translation>
    </message>
    <message>
        <source>Device tree for --kernel (only for arches whose kernels take one; `choices` says which).</source>
        <translation>Device tree para --kernel (só para arquiteturas cujos kernels usam um; `choices` diz quais).</translation>
    </message>
    <message>
        <source>Import: boot an existing volume as the disk, as POOL/VOLUME.</source>
        <translation>Importar: inicializa um volume existente como disco, como POOL/VOLUME.</translation>
    </message>
    <message>
        <source>Install by network boot (PXE) from the network card.</source>
        <translation>Instala por inicialização pela rede (PXE) a partir da placa de rede.</translation>
    </message>
    <message>
        <source>Boot order, comma separated: hd (or disk), cdrom, network (default: the arch's for the install method).</source>
        <translation>Ordem de inicialização, separada por vírgulas: hd (ou disk), cdrom, network (padrão: o da arquitetura para o método de instalação).</translation>
    </message>
    <message>
        <source>give only one of --kernel, --import-volume and --network-boot</source>
        <translation>informe só um entre --kernel, --import-volume e --network-boot</translation>
    </message>
    <message>
        <source>--%1 needs --kernel</source>
        <translation>--%1 precisa de --kernel</translation>
    </message>
    <message>
        <source>--import-volume uses an existing volume: it takes no --disk-size</source>
        <translation>--import-volume usa um volume existente: não aceita --disk-size</translation>
    </message>
    <message>
        <source>--import-volume takes POOL/VOLUME</source>
        <translation>--import-volume recebe POOL/VOLUME</translation>
    </message>
    <message>
        <source>Storage pools: pool list|create|start|stop|autostart|refresh|delete</source>
        <translation>Pools de armazenamento: pool list|create|start|stop|autostart|refresh|delete</translation>
    </message>
    <message>
        <source>Storage volumes: volume list|create|resize|clone|delete|upload|download</source>
        <translation>Volumes de armazenamento: volume list|create|resize|clone|delete|upload|download</translation>
    </message>
    <message>
        <source>Virtual networks of a host: list, create, start, stop, autostart, delete, leases</source>
        <translation>Redes virtuais de um hospedeiro: list, create, start, stop, autostart, delete, leases</translation>
    </message>
    <message>
        <source>list, create, start, stop, autostart, delete or leases</source>
        <translation>list, create, start, stop, autostart, delete ou leases</translation>
    </message>
    <message>
        <source>The network's name.</source>
        <translation>O nome da rede.</translation>
    </message>
    <message>
        <source>create: nat (default), route, isolated or bridge.</source>
        <translation>create: nat (padrão), route, isolated ou bridge.</translation>
    </message>
    <message>
        <source>create: the IPv4 network, e.g. 192.168.100.0/24 (the host gets .1).</source>
        <translation>create: a rede IPv4, por exemplo 192.168.100.0/24 (o hospedeiro recebe o .1).</translation>
    </message>
    <message>
        <source>create: the DHCP range START-END; 'auto' for the whole subnet (.2 to the last).</source>
        <translation>create: o intervalo DHCP START-END; 'auto' para a sub-rede inteira (do .2 ao último).</translation>
    </message>
    <message>
        <source>create: an IPv6 network, e.g. fd00:1::/64.</source>
        <translation>create: uma rede IPv6, por exemplo fd00:1::/64.</translation>
    </message>
    <message>
        <source>create: the DNS domain of the guests.</source>
        <translation>create: o domínio DNS dos convidados.</translation>
    </message>
    <message>
        <source>create: bridge mode: the host's existing bridge; other modes: the bridge to create.</source>
        <translation>create: no modo bridge, a ponte existente do hospedeiro; nos outros modos, a ponte a criar.</translation>
    </message>
    <message>
        <source>create: start it with the host. autostart: turn autostart on.</source>
        <translation>create: inicia a rede com o hospedeiro. autostart: ativa o início automático.</translation>
    </message>
    <message>
        <source>create: define it without starting it.</source>
        <translation>create: define a rede sem iniciá-la.</translation>
    </message>
    <message>
        <source>autostart: turn autostart off.</source>
        <translation>autostart: desativa o início automático.</translation>
    </message>
    <message>
        <source>network: give one of %1</source>
        <translation>network: informe um de %1</translation>
    </message>
    <message>
        <source>network %1: give the network with --name NAME</source>
        <translation>network %1: informe a rede com --name NAME</translation>
    </message>
    <message>
        <source>--mode %1: use nat, route, isolated or bridge</source>
        <translation>--mode %1: use nat, route, isolated ou bridge</translation>
    </message>
    <message>
        <source>--dhcp %1: give START-END (or auto with --ipv4)</source>
        <translation>--dhcp %1: informe START-END (ou auto com --ipv4)</translation>
    </message>
    <message>
        <source>%1 has no network called “%2”</source>
        <translation>%1 não tem nenhuma rede chamada “%2”</translation>
    </message>
    <message>
        <source>“%1” is not running (%2): it has no addresses</source>
        <translation>“%1” não está em execução (%2): não tem endereços</translation>
    </message>
    <message>
        <source>no host has a VM called “%1”</source>
        <translation>nenhum hospedeiro tem uma VM chamada “%1”</translation>
    </message>
    <message>
        <source>The IP addresses of running VMs' NICs (--vm NAME for one), from DHCP leases and the guest agent</source>
        <translation>Os endereços IP das placas de rede das VMs em execução (--vm NAME para uma só), a partir das concessões DHCP e do agente do convidado</translation>
    </message>
    <message>
        <source>pool: there is no storage pool “%1” on %2</source>
        <translation>pool: não há nenhum pool de armazenamento “%1” em %2</translation>
    </message>
    <message>
        <source>%1 required</source>
        <translation>%1 é obrigatório</translation>
    </message>
    <message>
        <source>%1: give a subcommand: %2</source>
        <translation>%1: informe um subcomando: %2</translation>
    </message>
    <message>
        <source>%1: unknown subcommand %2 (one of: %3)</source>
        <translation>%1: subcomando desconhecido %2 (um de: %3)</translation>
    </message>
    <message>
        <source>Name of the new pool.</source>
        <translation>Nome do novo pool.</translation>
    </message>
    <message>
        <source>dir (default), fs, netfs, logical, iscsi or disk.</source>
        <translation>dir (padrão), fs, netfs, logical, iscsi ou disk.</translation>
    </message>
    <message>
        <source>Target path (the directory of a dir pool).</source>
        <translation>Caminho de destino (o diretório de um pool dir).</translation>
    </message>
    <message>
        <source>NFS or iSCSI server.</source>
        <translation>Servidor NFS ou iSCSI.</translation>
    </message>
    <message>
        <source>Exported directory on the NFS server.</source>
        <translation>Diretório exportado no servidor NFS.</translation>
    </message>
    <message>
        <source>Block device, or the iSCSI target's IQN.</source>
        <translation>Dispositivo de bloco, ou o IQN do alvo iSCSI.</translation>
    </message>
    <message>
        <source>File system or partition table format.</source>
        <translation>Formato do sistema de arquivos ou da tabela de partições.</translation>
    </message>
    <message>
        <source>LVM/disk: initialise the device (never over data).</source>
        <translation>LVM/disk: inicializa o dispositivo (nunca sobre dados existentes).</translation>
    </message>
    <message>
        <source>Start the pool with the host.</source>
        <translation>Inicia o pool com o hospedeiro.</translation>
    </message>
    <message>
        <source>Name of the pool.</source>
        <translation>Nome do pool.</translation>
    </message>
    <message>
        <source>Do not start the pool with the host any more.</source>
        <translation>Não inicia mais o pool com o hospedeiro.</translation>
    </message>
    <message>
        <source>Also delete every volume of the pool (and a dir pool's directory).</source>
        <translation>Também exclui todos os volumes do pool (e o diretório de um pool dir).</translation>
    </message>
    <message>
        <source>--size needs a size such as 10 (GiB), 10G or 512M, not “%1”</source>
        <translation>--size precisa de um tamanho como 10 (GiB), 10G ou 512M, não “%1”</translation>
    </message>
    <message>
        <source>Only this pool's volumes.</source>
        <translation>Somente os volumes deste pool.</translation>
    </message>
    <message>
        <source>The pool.</source>
        <translation>O pool.</translation>
    </message>
    <message>
        <source>Name of the copy.</source>
        <translation>Nome da cópia.</translation>
    </message>
    <message>
        <source>Name of the volume.</source>
        <translation>Nome do volume.</translation>
    </message>
    <message>
        <source>Size: GiB, or with a unit (10G, 512M).</source>
        <translation>Tamanho: GiB, ou com uma unidade (10G, 512M).</translation>
    </message>
    <message>
        <source>New size, larger than the current one (GiB, or 20G, 512M).</source>
        <translation>Novo tamanho, maior que o atual (GiB, ou 20G, 512M).</translation>
    </message>
    <message>
        <source>qcow2: a backing volume (name in the pool, or a path).</source>
        <translation>qcow2: um volume de base (nome no pool, ou um caminho).</translation>
    </message>
    <message>
        <source>The volume to copy.</source>
        <translation>O volume a copiar.</translation>
    </message>
    <message>
        <source>The storage pool (active).</source>
        <translation>O pool de armazenamento (ativo).</translation>
    </message>
    <message>
        <source>The new volume's name (default: the file's name).</source>
        <translation>Nome do novo volume (padrão: o nome do arquivo).</translation>
    </message>
    <message>
        <source>The volume to download.</source>
        <translation>O volume a baixar.</translation>
    </message>
    <message>
        <source>The local file to upload.</source>
        <translation>O arquivo local a enviar.</translation>
    </message>
    <message>
        <source>The local file to write.</source>
        <translation>O arquivo local a gravar.</translation>
    </message>
    <message>
        <source>raw, qcow2 or iso (default: from the file's contents).</source>
        <translation>raw, qcow2 ou iso (padrão: conforme o conteúdo do arquivo).</translation>
    </message>
    <message>
        <source>Replace the local file if it exists.</source>
        <translation>Substituir o arquivo local, se ele existir.</translation>
    </message>
    <message>
        <source>Add the SHA-256 of the data transferred to the result.</source>
        <translation>Adicionar ao resultado o SHA-256 dos dados transferidos.</translation>
    </message>
    <message>
        <source>volume %1: --pool, --name and --file are needed</source>
        <translation>volume %1: --pool, --name e --file são necessários</translation>
    </message>
    <message>
        <source>volume download: %1 (use --force to replace it)</source>
        <translation>volume download: %1 (use --force para substituí-lo)</translation>
    </message>
    <message>
        <source>volume %1: %2</source>
        <translation>volume %1: %2</translation>
    </message>
    <message>
        <source>%1 (use --force to replace it)</source>
        <translation>%1 (use --force para substituí-lo)</translation>
    </message>
    <message>
        <source>The VM, by name or UUID.</source>
        <translation>A VM, pelo nome ou UUID.</translation>
    </message>
    <message>
        <source>Change the running guest. Alone: only now; a change that cannot apply now is refused (exit 1) with the reason.</source>
        <translation>Altera o convidado em execução. Sozinha: só agora; uma alteração que não pode ser aplicada agora é recusada (sai com 1) com o motivo.</translation>
    </message>
    <message>
        <source>Change the definition (what the next boot uses). Alone: the running guest is left as it is. Neither --live nor --config: live where the arch allows it, and always the definition.</source>
        <translation>Altera a definição (o que a próxima inicialização usa). Sozinha: o convidado em execução fica como está. Sem --live nem --config: ao vivo onde a arquitetura permite, e sempre a definição.</translation>
    </message>
    <message>
        <source>%1: give the VM with --vm NAME</source>
        <translation>%1: informe a VM com --vm NAME</translation>
    </message>
    <message>
        <source>%1: the change was refused</source>
        <translation>%1: a alteração foi recusada</translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>nada foi alterado</translation>
    </message>
    <message>
        <source>Nothing to change: “%1” is already like that.</source>
        <translation>Nada a alterar: “%1” já está assim.</translation>
    </message>
    <message>
        <source>Applied now: %1</source>
        <translation>Aplicado agora: %1</translation>
    </message>
    <message>
        <source>At the next boot: %1</source>
        <translation>Na próxima inicialização: %1</translation>
    </message>
    <message>
        <source>“%1” runs with the old values until it is restarted.</source>
        <translation>“%1” continua com os valores antigos até ser reiniciada.</translation>
    </message>
    <message>
        <source>--boot: “%1” has no device “%2” (its disks, CD-ROMs and NICs: %3; or hd, cdrom, network)</source>
        <translation>--boot: “%1” não tem o dispositivo “%2” (seus discos, CD-ROMs e placas de rede: %3; ou hd, cdrom, network)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>--boot: give the devices in boot order, e.g. vda,cdrom</source>
        <translation>--boot: informe os dispositivos na ordem de inicialização, p. ex. vda,cdrom</translation>
    </message>
    <message>
        <source>The number of vCPUs.</source>
        <translation>O número de vCPUs.</translation>
    </message>
    <message>
        <source>The most vCPUs it can have (the hot-plug ceiling).</source>
        <translation>O máximo de vCPUs que ela pode ter (o limite para conexão a quente).</translation>
    </message>
    <message>
        <source>Current memory in MiB (the balloon target while it runs).</source>
        <translation>Memória atual em MiB (o alvo do balloon enquanto está em execução).</translation>
    </message>
    <message>
        <source>Maximum memory in MiB (the memory it boots with).</source>
        <translation>Memória máxima em MiB (a memória com que ela inicializa).</translation>
    </message>
    <message>
        <source>CPU: host-model, host-passthrough, maximum, default (QEMU's) or a model name (`choices --arch A` lists them).</source>
        <translation>CPU: host-model, host-passthrough, maximum, default (o do QEMU) ou um nome de modelo (`choices --arch A` lista os modelos).</translation>
    </message>
    <message>
        <source>Boot order, comma-separated: device ids (vda, sdb, a NIC's MAC) or hd, cdrom, network for the first of that kind.</source>
        <translation>Ordem de inicialização, separada por vírgulas: ids de dispositivo (vda, sdb, o MAC de uma placa de rede) ou hd, cdrom, network para o primeiro desse tipo.</translation>
    </message>
    <message>
        <source>Start it with the host: on or off.</source>
        <translation>Inicia a VM com o host: on ou off.</translation>
    </message>
    <message>
        <source>Its title (a short description).</source>
        <translation>O título dela (uma descrição curta).</translation>
    </message>
    <message>
        <source>Its description.</source>
        <translation>A descrição dela.</translation>
    </message>
    <message>
        <source>--autostart %1: use on or off</source>
        <translation>--autostart %1: use on ou off</translation>
    </message>
    <message>
        <source>disk, cdrom, nic, console, graphics, video, controller, input, watchdog, rng, tpm, usb-host or pci-host.</source>
        <translation>disk, cdrom, nic, console, graphics, video, controller, input, watchdog, rng, tpm, usb-host ou pci-host.</translation>
    </message>
    <message>
        <source>The model or bus: a disk interface (virtio, scsi, ...), NIC model, console (serial, virtio), graphics (vnc, spice), video model, controller TYPE/MODEL, input TYPE/BUS, watchdog, RNG or TPM model. Default: the arch's.</source>
        <translation>O modelo ou barramento: uma interface de disco (virtio, scsi, ...), modelo de placa de rede, console (serial, virtio), gráficos (vnc, spice), modelo de vídeo, TYPE/MODEL do controlador, TYPE/BUS de entrada, modelo de watchdog, RNG ou TPM. Padrão: o da arquitetura.</translation>
    </message>
    <message>
        <source>disk, cdrom: the pool of the volume (default for a new disk: 'default' or the first active).</source>
        <translation>disk, cdrom: o pool do volume (padrão para um disco novo: 'default' ou o primeiro ativo).</translation>
    </message>
    <message>
        <source>disk, cdrom: an existing volume; with --size, the new volume's name.</source>
        <translation>disk, cdrom: um volume existente; com --size, o nome do novo volume.</translation>
    </message>
    <message>
        <source>disk: create a new volume of GiB.</source>
        <translation>disk: cria um novo volume de GiB.</translation>
    </message>
    <message>
        <source>disk: the new volume's format: qcow2 (default) or raw.</source>
        <translation>disk: o formato do novo volume: qcow2 (padrão) ou raw.</translation>
    </message>
    <message>
        <source>disk, cdrom: a file on the host instead of a pool volume.</source>
        <translation>disk, cdrom: um arquivo no hospedeiro em vez de um volume de pool.</translation>
    </message>
    <message>
        <source>nic: a host bridge instead of a network.</source>
        <translation>nic: uma bridge do hospedeiro em vez de uma rede.</translation>
    </message>
    <message>
        <source>nic: the MAC (default: libvirt's).</source>
        <translation>nic: o MAC (padrão: o do libvirt).</translation>
    </message>
    <message>
        <source>graphics: the address to listen on (default 127.0.0.1).</source>
        <translation>graphics: o endereço de escuta (padrão 127.0.0.1).</translation>
    </message>
    <message>
        <source>usb-host, pci-host: the host's node device (usb_1_2, pci_0000_00_1f_2).</source>
        <translation>usb-host, pci-host: o node device do hospedeiro (usb_1_2, pci_0000_00_1f_2).</translation>
    </message>
    <message>
        <source>add-device: give the kind of device with --kind KIND</source>
        <translation>add-device: informe o tipo de dispositivo com --kind KIND</translation>
    </message>
    <message>
        <source>add-device: give --network or --bridge, not both</source>
        <translation>add-device: informe --network ou --bridge, não ambos</translation>
    </message>
    <message>
        <source>--kind %1: Crossvirt adds no such device; give one of %2</source>
        <translation>--kind %1: o Crossvirt não adiciona esse tipo de dispositivo; informe um de %2</translation>
    </message>
    <message>
        <source>The kind of the device: disk, cdrom, nic, console, graphics, video, controller, ...</source>
        <translation>O tipo do dispositivo: disk, cdrom, nic, console, graphics, video, controller, ...</translation>
    </message>
    <message>
        <source>The device: a disk's or CD-ROM's target (vda, sdb), a NIC's MAC, else its id as `dumpxml` and `edit`'s JSON list it (video0, serial0).</source>
        <translation>O dispositivo: o alvo de um disco ou CD-ROM (vda, sdb), o MAC de uma placa de rede, ou então o id dele como `dumpxml` e a lista JSON de `edit` o mostram (video0, serial0).</translation>
    </message>
    <message>
        <source>remove-device: give the device with --kind KIND --id ID</source>
        <translation>remove-device: informe o dispositivo com --kind KIND --id ID</translation>
    </message>
    <message>
        <source>--kind %1: “%2” has no device of that kind (its kinds: %3)</source>
        <translation>--kind %1: “%2” não tem dispositivo desse tipo (seus tipos: %3)</translation>
    </message>
    <message>
        <source>--id %1 is a %2, not a %3 (%3 devices of “%4”: %5)</source>
        <translation>--id %1 é um %2, não um %3 (dispositivos %3 de “%4”: %5)</translation>
    </message>
    <message>
        <source>--id %1: “%2” has no such %3 (its %3 devices: %4)</source>
        <translation>--id %1: “%2” não tem esse %3 (seus dispositivos %3: %4)</translation>
    </message>
    <message>
        <source>--iso %1: no pool of %2 has such a volume (give POOL/VOLUME or a path)</source>
        <translation>--iso %1: nenhum pool de %2 tem esse volume (informe POOL/VOLUME ou um caminho)</translation>
    </message>
    <message>
        <source>--iso %1: the pools %2 all have it; give POOL/VOLUME</source>
        <translation>--iso %1: todos os pools %2 o têm; informe POOL/VOLUME</translation>
    </message>
    <message>
        <source>The CD-ROM's target (sda, hdc).</source>
        <translation>O alvo do CD-ROM (sda, hdc).</translation>
    </message>
    <message>
        <source>The medium to insert: a volume (POOL/VOLUME, or a name only one pool has) or a path on the host.</source>
        <translation>A mídia a inserir: um volume (POOL/VOLUME, ou um nome que só um pool tem) ou um caminho no hospedeiro.</translation>
    </message>
    <message>
        <source>Take the medium out.</source>
        <translation>Retira a mídia.</translation>
    </message>
    <message>
        <source>change-media: give --target T and one of --iso VOL_OR_PATH and --eject</source>
        <translation>change-media: informe --target T e um entre --iso VOL_OR_PATH e --eject</translation>
    </message>
    <message>
        <source>--target %1: “%2” has no CD-ROM %1 (its CD-ROMs: %3)</source>
        <translation>--target %1: “%2” não tem o CD-ROM %1 (seus CD-ROMs: %3)</translation>
    </message>
    <message>
        <source>The persistent definition (what the next boot uses) of a running VM.</source>
        <translation>A definição persistente (o que a próxima inicialização usa) de uma VM em execução.</translation>
    </message>
    <message>
        <source>Add a device to a VM (--vm, --kind disk|cdrom|nic|...), hot-plugged where the arch allows</source>
        <translation>Adiciona um dispositivo a uma VM (--vm, --kind disk|cdrom|nic|...), conectado a quente quando a arquitetura permite</translation>
    </message>
    <message>
        <source>Remove a device from a VM (--vm, --kind, --id TARGET_OR_MAC)</source>
        <translation>Remove um dispositivo de uma VM (--vm, --kind, --id TARGET_OR_MAC)</translation>
    </message>
    <message>
        <source>Insert or eject a CD-ROM's medium (--vm, --target, --iso or --eject)</source>
        <translation>Insere ou ejeta a mídia de um CD-ROM (--vm, --target, --iso ou --eject)</translation>
    </message>
    <message>
        <source>Print a VM's domain XML (--vm; --inactive: the definition)</source>
        <translation>Imprime o XML de domínio de uma VM (--vm; --inactive: a definição)</translation>
    </message>
    <message>
        <source>Usage: crossvirt-cli [global options] COMMAND [options]
Prints JSON on stdout (serial: the console's bytes; dumpxml: the XML) and messages on stderr. `crossvirt-cli COMMAND --help` lists a command's options.

Commands:
</source>
        <translation>Uso: crossvirt-cli [opções globais] COMMAND [opções]
Imprime JSON na stdout (serial: os bytes do console; dumpxml: o XML) e mensagens na stderr. `crossvirt-cli COMMAND --help` lista as opções de um comando.

Comandos:
</translation>
    </message>
    <message>
        <source>A new name (the VM must be shut off: libvirt renames only inactive VMs).</source>
        <translation>Um novo nome (a VM deve estar desligada: o libvirt só renomeia VMs inativas).</translation>
    </message>
    <message>
        <source>edit: give at least one change (--name, --vcpus, --max-vcpus, --memory, --max-memory, --cpu, --boot, --autostart, --title, --description)</source>
        <translation>edit: informe pelo menos uma alteração (--name, --vcpus, --max-vcpus, --memory, --max-memory, --cpu, --boot, --autostart, --title, --description)</translation>
    </message>
    <message>
        <source>nic: the libvirt network (default: the host's 'default' network, else its first, as for a new VM).</source>
        <translation>nic: a rede do libvirt (padrão: a rede 'default' do hospedeiro ou, se não houver, a primeira dele, como para uma nova VM).</translation>
    </message>
    <message>
        <source>add-device: %1 has no libvirt network to put the NIC on; give --bridge BRIDGE (a host bridge) or define a network</source>
        <translation>add-device: %1 não tem rede do libvirt à qual conectar a placa de rede; informe --bridge BRIDGE (uma bridge do hospedeiro) ou defina uma rede</translation>
    </message>
    <message>
        <source>Change a VM's name, vCPUs, memory, CPU, boot order, autostart, title (--vm, --live, --config)</source>
        <translation>Altera nome, vCPUs, memória, CPU, ordem de inicialização, início automático e título de uma VM (--vm, --live, --config)</translation>
    </message>
    <message>
        <source>“%1” is on several hosts (%2): choose one with --connect URI</source>
        <translation>“%1” está em vários hospedeiros (%2): escolha um com --connect URI</translation>
    </message>
    <message>
        <source>vm: there is no virtual machine “%1” on the connected hosts</source>
        <translation>vm: não há máquina virtual “%1” nos hospedeiros conectados</translation>
    </message>
    <message>
        <source>template: there is no template “%1” on the connected hosts</source>
        <translation>template: não há modelo “%1” nos hospedeiros conectados</translation>
    </message>
    <message>
        <source>cluster: “%1” has no hosts</source>
        <translation>cluster: “%1” não tem hospedeiros</translation>
    </message>
    <message>
        <source>cluster: there is no cluster “%1” (saved clusters: %2)</source>
        <translation>cluster: não há cluster “%1” (clusters salvos: %2)</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Imprime JSON em vez de uma tabela.</translation>
    </message>
    <message>
        <source>%1: %2 → %3/%4</source>
        <translation>%1: %2 → %3/%4</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>The VM to clone (shut off), by name or UUID.</source>
        <translation>A VM a clonar (desligada), por nome ou UUID.</translation>
    </message>
    <message>
        <source>Name of the clone (default: NAME-clone, or the next free one).</source>
        <translation>Nome do clone (padrão: NAME-clone, ou o próximo livre).</translation>
    </message>
    <message>
        <source>The clone uses the VM's writable disks too, instead of copies.</source>
        <translation>O clone também usa os discos graváveis da VM, em vez de cópias.</translation>
    </message>
    <message>
        <source>The clone gets new empty disks of the same sizes and formats.</source>
        <translation>O clone recebe discos novos vazios com os mesmos tamanhos e formatos.</translation>
    </message>
    <message>
        <source>Storage pool of the new volumes (default: each disk's own).</source>
        <translation>Pool de armazenamento dos novos volumes (padrão: o de cada disco).</translation>
    </message>
    <message>
        <source>give only one of --share-disks and --empty-disks</source>
        <translation>informe apenas uma das opções --share-disks e --empty-disks</translation>
    </message>
    <message>
        <source>clone: %1</source>
        <translation>clonar: %1</translation>
    </message>
    <message>
        <source>Cloning “%1” as “%2” on %3:</source>
        <translation>Clonando “%1” como “%2” em %3:</translation>
    </message>
    <message>
        <source>The shut-off VM that becomes the template, by name or UUID.</source>
        <translation>A VM desligada que se torna o modelo, por nome ou UUID.</translation>
    </message>
    <message>
        <source>What the template is for.</source>
        <translation>Para que serve o modelo.</translation>
    </message>
    <message>
        <source>“%1” is running: shut it down first, so its disks are consistent bases</source>
        <translation>“%1” está em execução: desligue-a primeiro, para que seus discos sejam bases consistentes</translation>
    </message>
    <message>
        <source>“%1” is transient: a template must stay defined when it is not running</source>
        <translation>“%1” é transitória: um modelo precisa continuar definido quando não está em execução</translation>
    </message>
    <message>
        <source>“%1” already is a template</source>
        <translation>“%1” já é um modelo</translation>
    </message>
    <message>
        <source>template: %1</source>
        <translation>modelo: %1</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>ARCH</source>
        <translation>ARQ</translation>
    </message>
    <message>
        <source>MACHINE</source>
        <translation>MÁQUINA</translation>
    </message>
    <message>
        <source>DISKS</source>
        <translation>DISCOS</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOSPEDEIRO</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIÇÃO</translation>
    </message>
    <message>
        <source>%1 (%2 missing)</source>
        <translation>%1 (ausentes: %2)</translation>
    </message>
    <message>
        <source>Delete the template's base volumes too.</source>
        <translation>Excluir também os volumes base do modelo.</translation>
    </message>
    <message>
        <source>The template, by name or UUID.</source>
        <translation>O modelo, por nome ou UUID.</translation>
    </message>
    <message>
        <source>template delete: give one template, by name or UUID</source>
        <translation>template delete: informe um modelo, por nome ou UUID</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>host: %1 is not connected</source>
        <translation>hospedeiro: %1 não está conectado</translation>
    </message>
    <message>
        <source>cluster: no host of “%1” is connected</source>
        <translation>cluster: nenhum hospedeiro de “%1” está conectado</translation>
    </message>
    <message>
        <source>give only one of --host and --cluster</source>
        <translation>informe apenas uma das opções --host e --cluster</translation>
    </message>
    <message>
        <source>cluster: %1</source>
        <translation>cluster: %1</translation>
    </message>
    <message>
        <source>Overlays are made on the template's host (%1) only; --copy-disks copies its disks to another host.</source>
        <translation>Overlays são criados apenas no hospedeiro do modelo (%1); --copy-disks copia seus discos para outro hospedeiro.</translation>
    </message>
    <message>
        <source>How many VMs (1 to %1).</source>
        <translation>Quantas VMs (de 1 a %1).</translation>
    </message>
    <message>
        <source>The VMs' names, with one number conversion: web-%02d gives web-01, web-02...</source>
        <translation>Os nomes das VMs, com uma conversão numérica: web-%02d gera web-01, web-02...</translation>
    </message>
    <message>
        <source>The pool's name.</source>
        <translation>O nome do pool.</translation>
    </message>
    <message>
        <source>Spread the VMs over this cluster's hosts (default: every connected host).</source>
        <translation>Distribuir as VMs entre os hospedeiros deste cluster (padrão: todos os hospedeiros conectados).</translation>
    </message>
    <message>
        <source>Full copies of the template's disks, also on its own host (other hosts always get copies; default there: qcow2 overlays).</source>
        <translation>Cópias completas dos discos do modelo, também no próprio hospedeiro dele (outros hospedeiros sempre recebem cópias; padrão lá: overlays qcow2).</translation>
    </message>
    <message>
        <source>Start each VM once it is made.</source>
        <translation>Iniciar cada VM assim que for criada.</translation>
    </message>
    <message>
        <source>--count needs a whole number, not “%1”</source>
        <translation>--count precisa de um número inteiro, não “%1”</translation>
    </message>
    <message>
        <source>name pattern: %1</source>
        <translation>padrão de nome: %1</translation>
    </message>
    <message>
        <source>pool: %1</source>
        <translation>pool: %1</translation>
    </message>
    <message>
        <source>pool: %1: %2</source>
        <translation>pool: %1: %2</translation>
    </message>
    <message>
        <source>Not used: %1: %2</source>
        <translation>Não usado: %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n VM(s) of pool “%1” from template “%2”:</source>
        <translation>
            <numerusform>Criando %n VM do pool “%1” a partir do modelo “%2”:</numerusform>
            <numerusform>Criando %n VMs do pool “%1” a partir do modelo “%2”:</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 on %2: made</source>
        <translation>  %1 em %2: criada</translation>
    </message>
    <message>
        <source>  %1 on %2: failed: %3</source>
        <translation>  %1 em %2: falhou: %3</translation>
    </message>
    <message>
        <source>The VM pool to delete with its VMs.</source>
        <translation>O pool de VMs a excluir junto com suas VMs.</translation>
    </message>
    <message>
        <source>pool delete: give one VM pool by name</source>
        <translation>pool delete: informe um pool de VMs pelo nome</translation>
    </message>
    <message>
        <source>pool: there is no VM pool “%1” on the connected hosts</source>
        <translation>pool: não há nenhum pool de VMs “%1” nos hospedeiros conectados</translation>
    </message>
    <message>
        <source>POOL</source>
        <translation>POOL</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>MODELO</translation>
    </message>
    <message>
        <source>VMS</source>
        <translation>VMS</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>EM EXECUÇÃO</translation>
    </message>
    <message>
        <source>HOSTS</source>
        <translation>HOSPEDEIROS</translation>
    </message>
    <message>
        <source>Make the VM from this template (by name or UUID, on any connected host): its arch, machine and devices; options of a new VM such as --arch do not apply.</source>
        <translation>Criar a VM a partir deste modelo (por nome ou UUID, em qualquer hospedeiro conectado): sua arquitetura, máquina e dispositivos; opções de uma VM nova, como --arch, não se aplicam.</translation>
    </message>
    <message>
        <source>With --template: the host the VM goes to (default: the template's).</source>
        <translation>Com --template: o hospedeiro para onde a VM vai (padrão: o do modelo).</translation>
    </message>
    <message>
        <source>With --template: the cluster the VM goes to, on its first host that can run the template (native first; for overlays the template's own host among the best).</source>
        <translation>Com --template: o cluster para onde a VM vai, no primeiro hospedeiro dele que consiga executar o modelo (nativos primeiro; para overlays, o próprio hospedeiro do modelo entre os melhores).</translation>
    </message>
    <message>
        <source>With --template: full copies of the template's disks (needed on another host) instead of qcow2 overlays on them.</source>
        <translation>Com --template: cópias completas dos discos do modelo (necessárias em outro hospedeiro) em vez de overlays qcow2 sobre eles.</translation>
    </message>
    <message>
        <source>--%1 goes with --template</source>
        <translation>--%1 só pode ser usada com --template</translation>
    </message>
    <message>
        <source>%1: the template decides these; they do not go with --template</source>
        <translation>%1: o modelo define estas opções; não podem ser usadas com --template</translation>
    </message>
    <message>
        <source>Clone a shut-off VM (--vm, --name; --share-disks or --empty-disks instead of copies)</source>
        <translation>Clonar uma VM desligada (--vm, --name; --share-disks ou --empty-disks em vez de cópias)</translation>
    </message>
    <message>
        <source>Templates: template create --vm N | list | delete T; create --template T makes a VM from one</source>
        <translation>Modelos: template create --vm N | list | delete T; create --template T cria uma VM a partir de um</translation>
    </message>
    <message>
        <source>VM pools from a template: vm-pool create --template T --count N --name-pattern P --name POOL | list | delete POOL</source>
        <translation>Pools de VMs a partir de um modelo: vm-pool create --template T --count N --name-pattern P --name POOL | list | delete POOL</translation>
    </message>
    <message>
        <source>“%1” is on several hosts (%2): give its UUID</source>
        <translation>“%1” está em vários hospedeiros (%2): informe o UUID</translation>
    </message>
    <message>
        <source>--live and --offline exclude each other</source>
        <translation>--live e --offline são mutuamente exclusivos</translation>
    </message>
    <message>
        <source>The VM to move, by name or UUID.</source>
        <translation>A VM a mover, por nome ou UUID.</translation>
    </message>
    <message>
        <source>Move a running VM while it runs (the default).</source>
        <translation>Move uma VM em execução sem pará-la (o padrão).</translation>
    </message>
    <message>
        <source>Move a running VM paused (a shut-off VM always moves offline: its definition only).</source>
        <translation>Move uma VM em execução pausada (uma VM desligada sempre é movida offline: apenas a definição).</translation>
    </message>
    <message>
        <source>Copy the disks that are not on the destination.</source>
        <translation>Copia os discos que não estão no destino.</translation>
    </message>
    <message>
        <source>The destination host's URI (added to the hosts when not known).</source>
        <translation>O URI do hospedeiro de destino (adicionado aos hospedeiros se não for conhecido).</translation>
    </message>
    <message>
        <source>Tunnel the move through the source's libvirtd (peer to peer) instead of a direct QEMU stream.</source>
        <translation>Usa um túnel pelo libvirtd da origem (ponto a ponto) em vez de um fluxo QEMU direto.</translation>
    </message>
    <message>
        <source>Limit the move to this many MiB/s (0: no limit).</source>
        <translation>Limita a movimentação a esta quantidade de MiB/s (0: sem limite).</translation>
    </message>
    <message>
        <source>Address QEMU streams to (direct mode; default: the destination URI's host).</source>
        <translation>Endereço para o qual o QEMU envia o fluxo (modo direto; padrão: o hospedeiro do URI de destino).</translation>
    </message>
    <message>
        <source>--bandwidth wants a whole number of MiB/s, not “%1”</source>
        <translation>--bandwidth exige um número inteiro de MiB/s, não “%1”</translation>
    </message>
    <message>
        <source>“%1” is already on %2</source>
        <translation>“%1” já está em %2</translation>
    </message>
    <message>
        <source>Cannot move “%1” to %2:</source>
        <translation>Não é possível mover “%1” para %2:</translation>
    </message>
    <message>
        <source>Moving %1: %2% %3</source>
        <translation>Movendo %1: %2% %3</translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation>Movendo %1 para %2</translation>
    </message>
    <message>
        <source>Which hosts --vm N can move to, and why not the others (JSON; --offline, --copy-storage)</source>
        <translation>Para quais hospedeiros a --vm N pode ser movida e por que não para os outros (JSON; --offline, --copy-storage)</translation>
    </message>
    <message>
        <source>Move --vm N to --to URI (--live|--offline, --copy-storage, --tunnelled, --bandwidth MiB/s); progress on stderr</source>
        <translation>Move a --vm N para --to URI (--live|--offline, --copy-storage, --tunnelled, --bandwidth MiB/s); progresso no stderr</translation>
    </message>
    <message>
        <source>The snapshot (create: its name, default snapshot1, snapshot2, ...).</source>
        <translation>O snapshot (create: o nome, padrão snapshot1, snapshot2, ...).</translation>
    </message>
    <message>
        <source>create: what the snapshot is for.</source>
        <translation>create: a finalidade do snapshot.</translation>
    </message>
    <message>
        <source>create: save the running guest's memory too (the default for a running guest).</source>
        <translation>create: salva também a memória do convidado em execução (o padrão para um convidado em execução).</translation>
    </message>
    <message>
        <source>create: the disks only (a running guest: with --external).</source>
        <translation>create: somente os discos (para um convidado em execução: com --external).</translation>
    </message>
    <message>
        <source>create: an external snapshot (new overlay files beside each disk) instead of an internal one.</source>
        <translation>create: um snapshot externo (novos arquivos de sobreposição ao lado de cada disco) em vez de um interno.</translation>
    </message>
    <message>
        <source>delete: its later snapshots too (children first).</source>
        <translation>delete: também os snapshots posteriores (filhos primeiro).</translation>
    </message>
    <message>
        <source>list: print JSON instead of a tree.</source>
        <translation>list: exibe JSON em vez de uma árvore.</translation>
    </message>
    <message>
        <source>create, list, revert or delete (default: list).</source>
        <translation>create, list, revert ou delete (padrão: list).</translation>
    </message>
    <message>
        <source>snapshot: %1</source>
        <translation>snapshot: %1</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (atual)</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interno</translation>
    </message>
    <message>
        <source>external with memory</source>
        <translation>externo com memória</translation>
    </message>
    <message>
        <source>external, disks only</source>
        <translation>externo, somente discos</translation>
    </message>
    <message>
        <source>Snapshots “%1” can take now:</source>
        <translation>Snapshots que “%1” pode criar agora:</translation>
    </message>
    <message>
        <source>  %1: yes</source>
        <translation>  %1: sim</translation>
    </message>
    <message>
        <source>  %1: no, %2</source>
        <translation>  %1: não, %2</translation>
    </message>
    <message>
        <source>  (internal: %1)</source>
        <translation>  (interno: %1)</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRIADO</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>“%1” is shut off: there is no memory state to save</source>
        <translation>“%1” está desligada: não há estado de memória para salvar</translation>
    </message>
    <message>
        <source>an internal snapshot of a running guest always saves its memory: add --external for the disks only</source>
        <translation>um snapshot interno de um convidado em execução sempre salva a memória: adicione --external para somente os discos</translation>
    </message>
    <message>
        <source>%1 has no snapshot named “%2”</source>
        <translation>%1 não tem um snapshot chamado “%2”</translation>
    </message>
    <message>
        <source>snapshot %1 takes no --%2</source>
        <translation>snapshot %1 não aceita --%2</translation>
    </message>
    <message>
        <source>give only one of --memory and --disk-only</source>
        <translation>informe apenas um de --memory e --disk-only</translation>
    </message>
    <message>
        <source>VM snapshots: snapshot create|list|revert|delete --vm N [--name S] [--memory|--disk-only] [--external] [--children]</source>
        <translation>Snapshots de VM: snapshot create|list|revert|delete --vm N [--name S] [--memory|--disk-only] [--external] [--children]</translation>
    </message>
    <message>
        <source>--password-fd: %1 is not an open file descriptor</source>
        <translation>--password-fd: %1 não é um descritor de arquivo aberto</translation>
    </message>
    <message>
        <source>--password-fd: no password could be read from descriptor %1</source>
        <translation>--password-fd: não foi possível ler nenhuma senha do descritor %1</translation>
    </message>
    <message>
        <source>Read the VNC password from the first line of file descriptor FD (0: standard input). Otherwise it is taken from the environment variable %1, if set.</source>
        <translation>Lê a senha VNC da primeira linha do descritor de arquivo FD (0: entrada padrão). Caso contrário, ela é obtida da variável de ambiente %1, se definida.</translation>
    </message>
    <message>
        <source>The connection whose saved passwords to forget (repeatable).</source>
        <translation>A conexão cujas senhas salvas devem ser esquecidas (pode ser repetido).</translation>
    </message>
    <message>
        <source>Forget the passwords saved in the keyring for --uri URI</source>
        <translation>Esquece as senhas salvas no chaveiro para --uri URI</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::AskpassServer</name>
    <message>
        <source>the SSH password helper must be started on the GUI thread</source>
        <translation>o auxiliar de senhas SSH deve ser iniciado na thread da interface gráfica</translation>
    </message>
    <message>
        <source>%1 is not a folder only this user can enter; SSH passwords cannot be asked for</source>
        <translation>%1 não é uma pasta em que apenas este usuário pode entrar; as senhas SSH não podem ser solicitadas</translation>
    </message>
    <message>
        <source>crossvirt-askpass is not installed next to Crossvirt; SSH passwords and passphrases cannot be asked for</source>
        <translation>o crossvirt-askpass não está instalado junto ao Crossvirt; senhas e frases secretas SSH não podem ser solicitadas</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>não é possível escutar em %1: %2</translation>
    </message>
    <message>
        <source>the asking ssh was not started by this Crossvirt</source>
        <translation>o ssh solicitante não foi iniciado por este Crossvirt</translation>
    </message>
    <message>
        <source>no connection of this Crossvirt waits for that ssh</source>
        <translation>nenhuma conexão deste Crossvirt aguarda esse ssh</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>cancelado pelo usuário</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::BulkRunner</name>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>Forçar desligamento</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Clonar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Não conectado a %1.</translation>
    </message>
    <message>
        <source>“%1” is a template: make a VM from it instead.</source>
        <translation>“%1” é um modelo: crie uma VM a partir dele.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Shutdown requested</source>
        <translation>Desligamento solicitado</translation>
    </message>
    <message>
        <source>Forced off</source>
        <translation>Desligada à força</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Excluída</translation>
    </message>
    <message>
        <source>Deleted; %1</source>
        <translation>Excluída; %1</translation>
    </message>
    <message>
        <source>Cloned as %1</source>
        <translation>Clonada como %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::ClusterInventoryModel</name>
    <message>
        <source>%1 (emulates %2)</source>
        <translation>%1 (emula %2)</translation>
    </message>
    <message>
        <source>Runs this cluster's %1 guests emulated (TCG), not natively.</source>
        <translation>Executa os convidados %1 deste cluster de forma emulada (TCG), não nativa.</translation>
    </message>
    <message>
        <source>Unclustered</source>
        <translation>Sem cluster</translation>
    </message>
    <message>
        <source>Hosts that belong to no cluster</source>
        <translation>Hospedeiros que não pertencem a nenhum cluster</translation>
    </message>
    <message>
        <source>%1 guests; hosts may emulate them</source>
        <translation>Convidados %1; os hospedeiros podem emulá-los</translation>
    </message>
    <message>
        <source>%1
%2 guests; hosts may emulate them</source>
        <translation>%1
Convidados %2; os hospedeiros podem emulá-los</translation>
    </message>
    <message>
        <source>%1 guests, run natively</source>
        <translation>Convidados %1, executados nativamente</translation>
    </message>
    <message>
        <source>%1
%2 guests, run natively</source>
        <translation>%1
Convidados %2, executados nativamente</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n hospedeiro</numerusform>
            <numerusform>%n hospedeiros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crossvirt::models::DhcpLeaseModel</name>
    <message>
        <source>(not a VM of this host)</source>
        <translation>(não é uma VM deste hospedeiro)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Endereço MAC</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Endereço IP</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Nome do hospedeiro</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expira</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::InventoryModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Arch</source>
        <translation>Arquitetura</translation>
    </message>
    <message>
        <source>CPU model</source>
        <translation>Modelo de CPU</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message numerus="yes">
        <source>Disconnected: %1 (retrying in %n s)</source>
        <translation>
            <numerusform>Desconectado: %1 (nova tentativa em %n s)</numerusform>
            <numerusform>Desconectado: %1 (nova tentativa em %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 guest, emulated (TCG) on this %2 host</source>
        <translation>Convidado %1, emulado (TCG) neste hospedeiro %2</translation>
    </message>
    <message>
        <source>%1 guest, runs natively (KVM)</source>
        <translation>Convidado %1, executado nativamente (KVM)</translation>
    </message>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1 (emulado)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>Connected (slow: %1 ms per call)</source>
        <translation>Conectado (lento: %1 ms por chamada)</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::InventoryStatsProxy</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU use over the last minutes</source>
        <translation>Uso de CPU nos últimos minutos</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::NetworkListModel</name>
    <message>
        <source>Bridge: %1</source>
        <translation>Bridge: %1</translation>
    </message>
    <message>
        <source>Bridge (%1)</source>
        <translation>Bridge (%1)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativa</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>DHCP range</source>
        <translation>Faixa DHCP</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Início automático</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::OsListModel</name>
    <message>
        <source>Vendor: %1</source>
        <translation>Fornecedor: %1</translation>
    </message>
    <message>
        <source>Released: %1</source>
        <translation>Lançamento: %1</translation>
    </message>
    <message>
        <source>Not yet released</source>
        <translation>Ainda não lançado</translation>
    </message>
    <message>
        <source>Rolling release</source>
        <translation>Rolling release</translation>
    </message>
    <message>
        <source>End of life since %1</source>
        <translation>Sem suporte desde %1</translation>
    </message>
    <message>
        <source>Supported until %1</source>
        <translation>Suportado até %1</translation>
    </message>
    <message>
        <source>End of life (released more than five years ago)</source>
        <translation>Sem suporte (lançado há mais de cinco anos)</translation>
    </message>
    <message numerus="yes">
        <source>Recommended: %1 MiB memory, %n vCPU(s), %2 GiB disk</source>
        <translation>
            <numerusform>Recomendado: %1 MiB de memória, %n vCPU, %2 GiB de disco</numerusform>
            <numerusform>Recomendado: %1 MiB de memória, %n vCPUs, %2 GiB de disco</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crossvirt::models::PoolListModel</name>
    <message>
        <source>%1 of %2 allocated, %3 free</source>
        <translation>%1 de %2 alocados, %3 livres</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Livre</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Início automático</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VmCloner</name>
    <message>
        <source>Copying %1 (%2 of %3): %4 of %5</source>
        <translation>Copiando %1 (%2 de %3): %4 de %5</translation>
    </message>
    <message>
        <source>The clone of “%1” was cancelled.</source>
        <translation>A clonagem de “%1” foi cancelada.</translation>
    </message>
    <message>
        <source>Could not clone “%1” as “%2”: %3</source>
        <translation>Não foi possível clonar “%1” como “%2”: %3</translation>
    </message>
    <message>
        <source>Nothing was left behind.</source>
        <translation>Nada foi deixado para trás.</translation>
    </message>
    <message>
        <source>Could not remove: %1</source>
        <translation>Não foi possível remover: %1</translation>
    </message>
    <message>
        <source>Checking “%1”</source>
        <translation>Verificando “%1”</translation>
    </message>
    <message>
        <source>“%1” is running now: shut it down first.</source>
        <translation>“%1” está em execução agora: desligue-a primeiro.</translation>
    </message>
    <message>
        <source>a virtual machine named “%1” exists now.</source>
        <translation>agora existe uma máquina virtual chamada “%1”.</translation>
    </message>
    <message>
        <source>Defining “%1”</source>
        <translation>Definindo “%1”</translation>
    </message>
    <message>
        <source>Creating %1 in pool “%2”</source>
        <translation>Criando %1 no pool “%2”</translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation>Copiando %1</translation>
    </message>
    <message>
        <source>Copying the UEFI variables to %1</source>
        <translation>Copiando as variáveis UEFI para %1</translation>
    </message>
    <message>
        <source>Copying the UEFI variables</source>
        <translation>Copiando as variáveis UEFI</translation>
    </message>
    <message>
        <source>the file exists already</source>
        <translation>o arquivo já existe</translation>
    </message>
    <message>
        <source>Could not clone “%1”: %2</source>
        <translation>Não foi possível clonar “%1”: %2</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VmDevice</name>
    <message>
        <source>CD-ROM</source>
        <translation>CD-ROM</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VmPoolCreator</name>
    <message>
        <source>Cancelled before it was started.</source>
        <translation>Cancelado antes de ser iniciado.</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Não conectado a %1.</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VncSession</name>
    <message>
        <source>Could not start the VNC connection thread.</source>
        <translation>Não foi possível iniciar a thread da conexão VNC.</translation>
    </message>
    <message>
        <source>There is no VNC address to connect to.</source>
        <translation>Não há endereço VNC ao qual se conectar.</translation>
    </message>
    <message>
        <source>Could not set up the VNC connection.</source>
        <translation>Não foi possível configurar a conexão VNC.</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Memória esgotada.</translation>
    </message>
    <message>
        <source>Could not find the host %1: %2</source>
        <translation>Não foi possível encontrar o hospedeiro %1: %2</translation>
    </message>
    <message>
        <source>%1 refused the connection; no VNC server is listening there.</source>
        <translation>%1 recusou a conexão; nenhum servidor VNC está escutando ali.</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out.</source>
        <translation>O tempo para conectar a %1 se esgotou.</translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer.</source>
        <translation>%1 não pode ser alcançado a partir deste computador.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Não foi possível conectar a %1: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while sending input.</source>
        <translation>A conexão com %1 foi perdida durante o envio de entrada.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>A conexão com %1 foi perdida: %2</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sem detalhes</translation>
    </message>
    <message>
        <source>%1 announced an empty screen (%2×%3 pixels).</source>
        <translation>%1 anunciou uma tela vazia (%2×%3 pixels).</translation>
    </message>
    <message>
        <source>%1 announced a screen of %2×%3 pixels; Crossvirt accepts at most %4×%4.</source>
        <translation>%1 anunciou uma tela de %2×%3 pixels; o Crossvirt aceita no máximo %4×%4.</translation>
    </message>
    <message>
        <source>Not enough memory for the %2×%3 pixel screen of %1.</source>
        <translation>Memória insuficiente para a tela de %2×%3 pixels de %1.</translation>
    </message>
    <message>
        <source>%1 asks for a VNC password, and none was given.</source>
        <translation>%1 pede uma senha VNC, e nenhuma foi informada.</translation>
    </message>
    <message>
        <source>%1 is not a VNC server: it answered “%2” instead of an RFB protocol version.</source>
        <translation>%1 não é um servidor VNC: respondeu “%2” em vez de uma versão do protocolo RFB.</translation>
    </message>
    <message>
        <source>%1 rejected the VNC password: too many failed attempts.</source>
        <translation>%1 rejeitou a senha VNC: tentativas malsucedidas demais.</translation>
    </message>
    <message>
        <source>%1 rejected the VNC password.</source>
        <translation>%1 rejeitou a senha VNC.</translation>
    </message>
    <message>
        <source>%1 rejected the VNC password: %2</source>
        <translation>%1 rejeitou a senha VNC: %2</translation>
    </message>
    <message>
        <source>%1 requires a VNC security type Crossvirt does not support (%2).</source>
        <translation>%1 exige um tipo de segurança VNC que o Crossvirt não suporta (%2).</translation>
    </message>
    <message>
        <source>%1 refused the VNC connection: %2</source>
        <translation>%1 recusou a conexão VNC: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection during the VNC handshake.</source>
        <translation>%1 fechou a conexão durante o handshake VNC.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during the VNC handshake (%2).</source>
        <translation>A conexão com %1 foi perdida durante o handshake VNC (%2).</translation>
    </message>
    <message>
        <source>The VNC handshake with %1 failed: %2</source>
        <translation>O handshake VNC com %1 falhou: %2</translation>
    </message>
    <message>
        <source>%1 sent a message that is not part of the VNC protocol (%2).</source>
        <translation>%1 enviou uma mensagem que não faz parte do protocolo VNC (%2).</translation>
    </message>
    <message>
        <source>%1 sent an invalid screen update (%2).</source>
        <translation>%1 enviou uma atualização de tela inválida (%2).</translation>
    </message>
    <message>
        <source>%1 closed the connection in the middle of a screen update.</source>
        <translation>%1 fechou a conexão no meio de uma atualização de tela.</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 fechou a conexão.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>A conexão com %1 foi perdida (%2).</translation>
    </message>
    <message>
        <source>%1 sent invalid VNC data (%2).</source>
        <translation>%1 enviou dados VNC inválidos (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>A conexão com %1 foi fechada.</translation>
    </message>
    <message>
        <source>No complete screen arrived from %1 within %2 ms.</source>
        <translation>Nenhuma tela completa chegou de %1 em %2 ms.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Não conectado.</translation>
    </message>
    <message numerus="yes">
        <source>%1 stopped answering during the VNC handshake (no reply for %n second(s)).</source>
        <translation>
            <numerusform>%1 parou de responder durante o handshake VNC (sem resposta por %n segundo).</numerusform>
            <numerusform>%1 parou de responder durante o handshake VNC (sem resposta por %n segundos).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 stopped sending in the middle of a message; gave up after %n second(s).</source>
        <translation>
            <numerusform>%1 parou de enviar no meio de uma mensagem; desistência após %n segundo.</numerusform>
            <numerusform>%1 parou de enviar no meio de uma mensagem; desistência após %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not signed by the CA certificate %2; the connection was refused.</source>
        <translation>O certificado TLS de %1 não é assinado pelo certificado da AC %2; a conexão foi recusada.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 was not issued for “%2”; the connection was refused.</source>
        <translation>O certificado TLS de %1 não foi emitido para “%2”; a conexão foi recusada.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has expired; the connection was refused.</source>
        <translation>O certificado TLS de %1 expirou; a conexão foi recusada.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not valid yet; the connection was refused.</source>
        <translation>O certificado TLS de %1 ainda não é válido; a conexão foi recusada.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has been revoked; the connection was refused.</source>
        <translation>O certificado TLS de %1 foi revogado; a conexão foi recusada.</translation>
    </message>
    <message>
        <source>The CA certificate %1 could not be loaded: %2</source>
        <translation>Não foi possível carregar o certificado da AC %1: %2</translation>
    </message>
    <message>
        <source>The client certificate for %1 could not be loaded: %2</source>
        <translation>Não foi possível carregar o certificado do cliente para %1: %2</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation>O handshake TLS com %1 falhou: %2.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed during the VNC handshake: %2.</source>
        <translation>A conexão TLS com %1 falhou durante o handshake VNC: %2.</translation>
    </message>
    <message>
        <source>No client certificate was sent (%1 does not exist or cannot be read); the server may require one.</source>
        <translation>Nenhum certificado do cliente foi enviado (%1 não existe ou não pode ser lido); o servidor pode exigir um.</translation>
    </message>
    <message>
        <source>TLS could not be set up: %1</source>
        <translation>Não foi possível configurar o TLS: %1</translation>
    </message>
    <message>
        <source>%1 refused the VeNCrypt (TLS) handshake: %2</source>
        <translation>%1 recusou o handshake VeNCrypt (TLS): %2</translation>
    </message>
    <message>
        <source>The VNC server %1 asks for a user name and password, which Crossvirt does not support.</source>
        <translation>O servidor VNC %1 pede um nome de usuário e senha, o que o Crossvirt não suporta.</translation>
    </message>
    <message>
        <source>%1 requires TLS verified with x509 certificates (VeNCrypt), and no CA certificate is set for it.</source>
        <translation>%1 exige TLS verificado com certificados x509 (VeNCrypt), e nenhum certificado da AC está definido para ele.</translation>
    </message>
    <message>
        <source>%1 requires TLS verified with x509 certificates (VeNCrypt); the CA certificate %2 cannot be read.</source>
        <translation>%1 exige TLS verificado com certificados x509 (VeNCrypt); o certificado da AC %2 não pode ser lido.</translation>
    </message>
    <message>
        <source>%1 requires TLS verified with x509 certificates (VeNCrypt); the CA certificate %2 does not exist.</source>
        <translation>%1 exige TLS verificado com certificados x509 (VeNCrypt); o certificado da AC %2 não existe.</translation>
    </message>
    <message>
        <source>%1 requires TLS verified with x509 certificates (VeNCrypt), and there is no host name to check its certificate against.</source>
        <translation>%1 exige TLS verificado com certificados x509 (VeNCrypt), e não há nome de hospedeiro com o qual verificar o certificado.</translation>
    </message>
    <message>
        <source>an invalid type</source>
        <translation>um tipo inválido</translation>
    </message>
    <message>
        <source>no authentication</source>
        <translation>sem autenticação</translation>
    </message>
    <message>
        <source>VNC password</source>
        <translation>senha VNC</translation>
    </message>
    <message>
        <source>RealVNC RA2</source>
        <translation>RealVNC RA2</translation>
    </message>
    <message>
        <source>SSPI</source>
        <translation>SSPI</translation>
    </message>
    <message>
        <source>Tight</source>
        <translation>Tight</translation>
    </message>
    <message>
        <source>UltraVNC</source>
        <translation>UltraVNC</translation>
    </message>
    <message>
        <source>anonymous TLS</source>
        <translation>TLS anônimo</translation>
    </message>
    <message>
        <source>VeNCrypt</source>
        <translation>VeNCrypt</translation>
    </message>
    <message>
        <source>SASL</source>
        <translation>SASL</translation>
    </message>
    <message>
        <source>Apple Remote Desktop</source>
        <translation>Apple Remote Desktop</translation>
    </message>
    <message>
        <source>UltraVNC MS Logon II</source>
        <translation>UltraVNC MS Logon II</translation>
    </message>
    <message>
        <source>VeNCrypt user and password without TLS</source>
        <translation>VeNCrypt com usuário e senha sem TLS</translation>
    </message>
    <message>
        <source>VeNCrypt anonymous TLS</source>
        <translation>VeNCrypt com TLS anônimo</translation>
    </message>
    <message>
        <source>VeNCrypt anonymous TLS with a VNC password</source>
        <translation>VeNCrypt TLS anônimo com senha VNC</translation>
    </message>
    <message>
        <source>VeNCrypt anonymous TLS with user and password</source>
        <translation>VeNCrypt TLS anônimo com usuário e senha</translation>
    </message>
    <message>
        <source>VeNCrypt x509</source>
        <translation>VeNCrypt x509</translation>
    </message>
    <message>
        <source>VeNCrypt x509 with a VNC password</source>
        <translation>VeNCrypt x509 com senha VNC</translation>
    </message>
    <message>
        <source>VeNCrypt x509 with user and password</source>
        <translation>VeNCrypt x509 com usuário e senha</translation>
    </message>
    <message>
        <source>VeNCrypt x509 with SASL</source>
        <translation>VeNCrypt x509 com SASL</translation>
    </message>
    <message>
        <source>VeNCrypt anonymous TLS with SASL</source>
        <translation>VeNCrypt TLS anônimo com SASL</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>tipo desconhecido</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 offered no VNC security type.</source>
        <translation>%1 não ofereceu nenhum tipo de segurança VNC.</translation>
    </message>
    <message>
        <source>The VNC server %1 asks for SASL authentication, which Crossvirt does not support (it offers: %2).</source>
        <translation>O servidor VNC %1 pede autenticação SASL, que o Crossvirt não suporta (ele oferece: %2).</translation>
    </message>
    <message>
        <source>The VNC server %1 asks for a security type Crossvirt does not support: %2.</source>
        <translation>O servidor VNC %1 pede um tipo de segurança que o Crossvirt não suporta: %2.</translation>
    </message>
    <message>
        <source>The VNC server %1 asks for a user name and password (VeNCrypt Plain), which Crossvirt does not support (it offers: %2).</source>
        <translation>O servidor VNC %1 pede nome de usuário e senha (VeNCrypt Plain), o que o Crossvirt não suporta (ele oferece: %2).</translation>
    </message>
    <message>
        <source>The VNC server %1 announced TLS (VeNCrypt) but then offered only unencrypted connections (%2); Crossvirt does not fall back to an unencrypted connection.</source>
        <translation>O servidor VNC %1 anunciou TLS (VeNCrypt), mas depois ofereceu apenas conexões não criptografadas (%2); o Crossvirt não recorre a uma conexão não criptografada.</translation>
    </message>
    <message>
        <source>The VNC server %1 asks for a VeNCrypt security type Crossvirt does not support: %2.</source>
        <translation>O servidor VNC %1 pede um tipo de segurança VeNCrypt que o Crossvirt não suporta: %2.</translation>
    </message>
    <message>
        <source>%1 did not send its list of VNC security types.</source>
        <translation>%1 não enviou sua lista de tipos de segurança VNC.</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VolumeCopy</name>
    <message>
        <source>Could not copy “%1” of pool “%2” to “%3” in pool “%4”</source>
        <translation>Não foi possível copiar “%1” do pool “%2” para “%3” no pool “%4”</translation>
    </message>
    <message>
        <source>the pool “%1” has no volume “%2”</source>
        <translation>o pool “%1” não tem nenhum volume “%2”</translation>
    </message>
    <message>
        <source>“%1” is an overlay on “%2”, which the other host does not have: its copy there would not start</source>
        <translation>“%1” é um overlay sobre “%2”, que o outro hospedeiro não tem: a cópia dele lá não iniciaria</translation>
    </message>
    <message>
        <source>the pool “%1” already has a volume named “%2”</source>
        <translation>o pool “%1” já tem um volume chamado “%2”</translation>
    </message>
    <message>
        <source>the copy needs %1 but the pool “%2” has only %3 free</source>
        <translation>a cópia precisa de %1, mas o pool “%2” tem apenas %3 livres</translation>
    </message>
    <message>
        <source>The new volume “%1” could not be removed: %2</source>
        <translation>O novo volume “%1” não pôde ser removido: %2</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>A cópia foi cancelada.</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VolumeListModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Alocação</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Usado por</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
</context>
<context>
    <name>crossvirt::models::VolumeTransfer</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message>
        <source> · %1 h %2 min left</source>
        <translation> · faltam %1 h %2 min</translation>
    </message>
    <message>
        <source> · %1 min %2 s left</source>
        <translation> · faltam %1 min %2 s</translation>
    </message>
    <message>
        <source> · %1 s left</source>
        <translation> · faltam %1 s</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>Não é possível ler “%1”: %2</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>Não é possível gravar “%1”: %2</translation>
    </message>
    <message>
        <source>The upload was cancelled.</source>
        <translation>O upload foi cancelado.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>O download foi cancelado.</translation>
    </message>
    <message>
        <source>%1: the connection to %2 was lost (%3)</source>
        <translation>%1: a conexão com %2 foi perdida (%3)</translation>
    </message>
    <message>
        <source>%1: the storage pool “%2” is not active</source>
        <translation>%1: o pool de armazenamento “%2” não está ativo</translation>
    </message>
    <message>
        <source>Could not upload “%1” to “%2” in pool “%3”</source>
        <translation>Não foi possível enviar “%1” para “%2” no pool “%3”</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>não é possível ler o arquivo (%1)</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>não é um arquivo comum</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <source>the pool already has a volume named “%1”</source>
        <translation>o pool já tem um volume chamado “%1”</translation>
    </message>
    <message>
        <source>the file needs %1 but the pool has only %2 free</source>
        <translation>o arquivo precisa de %1, mas o pool tem apenas %2 livres</translation>
    </message>
    <message>
        <source>The new volume “%1” could not be removed: %2</source>
        <translation>Não foi possível remover o novo volume “%1”: %2</translation>
    </message>
    <message>
        <source>Could not download “%1” of pool “%2” to “%3”</source>
        <translation>Não foi possível baixar “%1” do pool “%2” para “%3”</translation>
    </message>
    <message>
        <source>cannot create the file (%1)</source>
        <translation>não é possível criar o arquivo (%1)</translation>
    </message>
    <message>
        <source>Could not start a thread for the transfer.</source>
        <translation>Não foi possível iniciar uma thread para a transferência.</translation>
    </message>
    <message>
        <source>unknown format “%1” (raw, qcow2 or iso)</source>
        <translation>formato desconhecido “%1” (raw, qcow2 ou iso)</translation>
    </message>
    <message>
        <source>choose a local file</source>
        <translation>escolha um arquivo local</translation>
    </message>
    <message>
        <source>the file “%1” does not exist</source>
        <translation>o arquivo “%1” não existe</translation>
    </message>
    <message>
        <source>“%1” is not a regular file</source>
        <translation>“%1” não é um arquivo comum</translation>
    </message>
    <message>
        <source>cannot read “%1” (%2)</source>
        <translation>não é possível ler “%1” (%2)</translation>
    </message>
    <message>
        <source>choose a destination file</source>
        <translation>escolha um arquivo de destino</translation>
    </message>
    <message>
        <source>“%1” is a folder</source>
        <translation>“%1” é uma pasta</translation>
    </message>
    <message>
        <source>“%1” already exists</source>
        <translation>“%1” já existe</translation>
    </message>
    <message>
        <source>the folder “%1” does not exist</source>
        <translation>a pasta “%1” não existe</translation>
    </message>
    <message>
        <source>cannot write in the folder “%1” (%2)</source>
        <translation>não é possível gravar na pasta “%1” (%2)</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::ActionController</name>
    <message>
        <source>%1 is no longer in the connection list.</source>
        <translation>%1 não está mais na lista de conexões.</translation>
    </message>
    <message>
        <source>Working on %1…</source>
        <translation>Processando %1…</translation>
    </message>
    <message>
        <source>Could not start the virtual machine</source>
        <translation>Não foi possível iniciar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not shut down the virtual machine</source>
        <translation>Não foi possível desligar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not reboot the virtual machine</source>
        <translation>Não foi possível reiniciar a máquina virtual</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>Forçar desligamento</translation>
    </message>
    <message>
        <source>Force off “%1”? This is like pulling the power cord: unsaved data in the guest is lost.</source>
        <translation>Forçar o desligamento de “%1”? É como puxar o cabo de energia: os dados não salvos no convidado serão perdidos.</translation>
    </message>
    <message>
        <source>Could not force off the virtual machine</source>
        <translation>Não foi possível forçar o desligamento da máquina virtual</translation>
    </message>
    <message>
        <source>Could not pause the virtual machine</source>
        <translation>Não foi possível pausar a máquina virtual</translation>
    </message>
    <message>
        <source>Could not resume the virtual machine</source>
        <translation>Não foi possível retomar a máquina virtual</translation>
    </message>
    <message>
        <source>Reading the storage of %1…</source>
        <translation>Lendo o armazenamento de %1…</translation>
    </message>
    <message>
        <source>Could not delete the virtual machine</source>
        <translation>Não foi possível excluir a máquina virtual</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 excluída.</translation>
    </message>
    <message>
        <source>%1 was deleted, but some volumes were not</source>
        <translation>%1 foi excluída, mas alguns volumes não foram</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 criada.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 já está na lista.</translation>
    </message>
    <message>
        <source>Added %1; use Host › Connect to open it.</source>
        <translation>Conexão %1 adicionada; use Hospedeiro › Conectar para abri-la.</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Remover conexão</translation>
    </message>
    <message>
        <source>Remove %1 from the list? Its virtual machines are not touched.</source>
        <translation>Remover %1 da lista? As máquinas virtuais dele não serão afetadas.</translation>
    </message>
    <message>
        <source>Delete cluster</source>
        <translation>Excluir cluster</translation>
    </message>
    <message>
        <source>Delete the cluster “%1”? Its hosts and their virtual machines stay; they become unclustered.</source>
        <translation>Excluir o cluster “%1”? Os hospedeiros dele e suas máquinas virtuais permanecem; eles ficam sem cluster.</translation>
    </message>
    <message>
        <source>Cloned as %1.</source>
        <translation>Clonada como %1.</translation>
    </message>
    <message>
        <source>%1 is now a template.</source>
        <translation>%1 agora é um modelo.</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1 (em %2)</translation>
    </message>
    <message numerus="yes">
        <source>Start these %n virtual machines?</source>
        <translation>
            <numerusform>Iniciar esta %n máquina virtual?</numerusform>
            <numerusform>Iniciar estas %n máquinas virtuais?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shut down these %n virtual machines?</source>
        <translation>
            <numerusform>Desligar esta %n máquina virtual?</numerusform>
            <numerusform>Desligar estas %n máquinas virtuais?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Force off these %n virtual machines? This is like pulling the power cord: unsaved data in the guests is lost.</source>
        <translation>
            <numerusform>Forçar o desligamento desta %n máquina virtual? É como puxar o cabo de energia: os dados não salvos no convidado serão perdidos.</numerusform>
            <numerusform>Forçar o desligamento destas %n máquinas virtuais? É como puxar o cabo de energia: os dados não salvos nos convidados serão perdidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n virtual machines, with the storage volumes no other virtual machine uses? Running ones are forced off first. This cannot be undone.</source>
        <translation>
            <numerusform>Excluir esta %n máquina virtual, com os volumes de armazenamento que nenhuma outra máquina virtual usa? Se estiver em execução, ela é desligada à força antes. Isso não pode ser desfeito.</numerusform>
            <numerusform>Excluir estas %n máquinas virtuais, com os volumes de armazenamento que nenhuma outra máquina virtual usa? As que estiverem em execução são desligadas à força antes. Isso não pode ser desfeito.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clone these %n virtual machines? Each is cloned on its own host as NAME-clone with copies of its disks.</source>
        <translation>
            <numerusform>Clonar esta %n máquina virtual? Ela é clonada no próprio hospedeiro como NOME-clone, com cópias de seus discos.</numerusform>
            <numerusform>Clonar estas %n máquinas virtuais? Cada uma é clonada no próprio hospedeiro como NOME-clone, com cópias de seus discos.</numerusform>
        </translation>
    </message>
    <message>
        <source>VM pool %1: %2 of %3 VMs created.</source>
        <translation>Pool de VMs %1: %2 de %3 VMs criadas.</translation>
    </message>
    <message>
        <source>Deleted the VM pool %1.</source>
        <translation>Pool de VMs %1 excluído.</translation>
    </message>
    <message>
        <source>Deleted the template %1.</source>
        <translation>Modelo %1 excluído.</translation>
    </message>
    <message>
        <source>%1 now runs on %2.</source>
        <translation>%1 agora está em execução em %2.</translation>
    </message>
    <message>
        <source>Took the snapshot %1 of %2.</source>
        <translation>Snapshot %1 de %2 criado.</translation>
    </message>
    <message>
        <source>Saved passwords of %1 forgotten.</source>
        <translation>Senhas salvas de %1 esquecidas.</translation>
    </message>
    <message>
        <source>Forget saved passwords</source>
        <translation>Esquecer senhas salvas</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddCdromPage</name>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>E&amp;mpty drive</source>
        <translation>Unidade va&amp;zia</translation>
    </message>
    <message>
        <source>ISO &amp;volume</source>
        <translation>&amp;Volume ISO</translation>
    </message>
    <message>
        <source>&amp;File path</source>
        <translation>Caminho do &amp;arquivo</translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation>Mídia:</translation>
    </message>
    <message>
        <source>Reading the host's storage…</source>
        <translation>Lendo o armazenamento do hospedeiro…</translation>
    </message>
    <message>
        <source>I&amp;SO:</source>
        <translation>I&amp;SO:</translation>
    </message>
    <message>
        <source>/var/lib/libvirt/images/install.iso</source>
        <translation>/var/lib/libvirt/images/install.iso</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Caminho:</translation>
    </message>
    <message>
        <source>The medium can be changed or ejected later from the CD-ROM's page.</source>
        <translation>A mídia pode ser trocada ou ejetada depois na página do CD-ROM.</translation>
    </message>
    <message>
        <source>%1 (pool %2)</source>
        <translation>%1 (pool %2)</translation>
    </message>
    <message>
        <source>No ISO image in the host's pools</source>
        <translation>Nenhuma imagem ISO nos pools do hospedeiro</translation>
    </message>
    <message>
        <source>The host's ISO images could not be read: %1</source>
        <translation>Não foi possível ler as imagens ISO do host: %1</translation>
    </message>
    <message>
        <source>No CD-ROM interface is available.</source>
        <translation>Nenhuma interface de CD-ROM está disponível.</translation>
    </message>
    <message>
        <source>Choose an ISO image, or leave the drive empty.</source>
        <translation>Escolha uma imagem ISO ou deixe a unidade vazia.</translation>
    </message>
    <message>
        <source>Give the ISO image's path, or leave the drive empty.</source>
        <translation>Informe o caminho da imagem ISO ou deixe a unidade vazia.</translation>
    </message>
    <message>
        <source>The path must be absolute (start with "/").</source>
        <translation>O caminho deve ser absoluto (começar com "/").</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddConnectionDialog</name>
    <message>
        <source>Add Connection</source>
        <translation>Adicionar conexão</translation>
    </message>
    <message>
        <source>QEMU/KVM</source>
        <translation>QEMU/KVM</translation>
    </message>
    <message>
        <source>QEMU/KVM user session</source>
        <translation>QEMU/KVM sessão do usuário</translation>
    </message>
    <message>
        <source>Test driver (no hypervisor)</source>
        <translation>Driver de teste (sem hipervisor)</translation>
    </message>
    <message>
        <source>Custom URI</source>
        <translation>URI personalizada</translation>
    </message>
    <message>
        <source>&amp;Hypervisor:</source>
        <translation>&amp;Hipervisor:</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>TLS (certificates)</source>
        <translation>TLS (certificados)</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transporte:</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>H&amp;ospedeiro:</translation>
    </message>
    <message>
        <source>optional, e.g. root</source>
        <translation>opcional, ex.: root</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>absolute path of a host file; empty for test:///default</source>
        <translation>caminho absoluto de um arquivo de hospedeiro; vazio para test:///default</translation>
    </message>
    <message>
        <source>Host &amp;file:</source>
        <translation>Ar&amp;quivo do hospedeiro:</translation>
    </message>
    <message>
        <source>e.g. qemu+ssh://root@host/system</source>
        <translation>ex.: qemu+ssh://root@host/system</translation>
    </message>
    <message>
        <source>U&amp;RI:</source>
        <translation>U&amp;RI:</translation>
    </message>
    <message>
        <source>optional display name</source>
        <translation>nome de exibição opcional</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Autoconnect at start</source>
        <translation>Conectar &amp;automaticamente ao iniciar</translation>
    </message>
    <message>
        <source>Generated URI:</source>
        <translation>URI gerada:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>SSH (libssh)</source>
        <translation>SSH (libssh)</translation>
    </message>
    <message>
        <source>TCP (with SASL when the host asks)</source>
        <translation>TCP (com SASL quando o hospedeiro pedir)</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>nome ou endereço do hospedeiro</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Procurar %1</translation>
    </message>
    <message>
        <source>SSH &amp;key file:</source>
        <translation>Arquivo de &amp;chave SSH:</translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation>Arquivo de chave SSH</translation>
    </message>
    <message>
        <source>absolute path, e.g. ~/.ssh/id_ed25519</source>
        <translation>caminho absoluto, p. ex. ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Empty: the SSH agent and the keys in ~/.ssh are tried.</source>
        <translation>Vazio: são tentados o agente SSH e as chaves em ~/.ssh.</translation>
    </message>
    <message>
        <source>Use libvirt's &amp;default places</source>
        <translation>Usar os locais pa&amp;drão do libvirt</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Certificados:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>certificado da AC</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>certificado do cliente</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>chave do cliente</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>Certificado da &amp;AC:</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>Certificado do c&amp;liente:</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>C&amp;have do cliente:</translation>
    </message>
    <message>
        <source>absolute path of a PEM file</source>
        <translation>caminho absoluto de um arquivo PEM</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Testar conexão</translation>
    </message>
    <message>
        <source>&amp;Stop Test</source>
        <translation>Pa&amp;rar teste</translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation>Editar conexão</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist.</source>
        <translation>O arquivo de chave SSH %1 não existe.</translation>
    </message>
    <message>
        <source>The SSH key file %1 cannot be read.</source>
        <translation>O arquivo de chave SSH %1 não pode ser lido.</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>padrão (%1)</translation>
    </message>
    <message>
        <source>libvirt reads %1, %2 and %3.</source>
        <translation>O libvirt lê %1, %2 e %3.</translation>
    </message>
    <message>
        <source>Connecting will fail until these are in place: %1</source>
        <translation>A conexão falhará até que estes estejam no lugar: %1</translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation>Escolher %1</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>Não testado: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Testando %1…</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Authenticating</source>
        <translation>Autenticando</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Máquinas virtuais</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>The connection works; nothing was saved.</source>
        <translation>A conexão funciona; nada foi salvo.</translation>
    </message>
    <message>
        <source>The test failed; nothing was saved.</source>
        <translation>O teste falhou; nada foi salvo.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddDiskPage</name>
    <message>
        <source>Create a &amp;new volume</source>
        <translation>Criar um &amp;novo volume</translation>
    </message>
    <message>
        <source>Use an &amp;existing volume</source>
        <translation>Usar um volume &amp;existente</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>Automatic: %1-TARGET.qcow2</source>
        <translation>Automático: %1-TARGET.qcow2</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;me:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamanho:</translation>
    </message>
    <message>
        <source>qcow2 (thin, snapshots)</source>
        <translation>qcow2 (alocação dinâmica, snapshots)</translation>
    </message>
    <message>
        <source>raw (fastest)</source>
        <translation>raw (mais rápido)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>No volume of this pool is free (see the list)</source>
        <translation>Nenhum volume deste pool está livre (veja a lista)</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>&amp;Volume:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>Reading the host's storage…</source>
        <translation>Lendo o armazenamento do hospedeiro…</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <source>The host's storage could not be read: %1</source>
        <translation>Não foi possível ler o armazenamento do host: %1</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>Automático: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2), used by %3</source>
        <translation>%1 (%2), usado por %3</translation>
    </message>
    <message>
        <source>The host's storage could not be read.</source>
        <translation>Não foi possível ler o armazenamento do hospedeiro.</translation>
    </message>
    <message>
        <source>The host has no active storage pool.</source>
        <translation>O hospedeiro não tem nenhum pool de armazenamento ativo.</translation>
    </message>
    <message>
        <source>No disk interface is available.</source>
        <translation>Nenhuma interface de disco está disponível.</translation>
    </message>
    <message>
        <source>A volume name cannot contain "/".</source>
        <translation>O nome de um volume não pode conter "/".</translation>
    </message>
    <message>
        <source>The pool already has a volume named %1.</source>
        <translation>O pool já tem um volume chamado %1.</translation>
    </message>
    <message>
        <source>The new volume needs a size of at least 1 GiB.</source>
        <translation>O novo volume precisa de um tamanho de pelo menos 1 GiB.</translation>
    </message>
    <message>
        <source>The pool has no volume this VM could use.</source>
        <translation>O pool não tem nenhum volume que esta VM possa usar.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddHardwareDialog</name>
    <message>
        <source>Add Hardware to %1</source>
        <translation>Adicionar hardware a %1</translation>
    </message>
    <message>
        <source>Device kinds</source>
        <translation>Tipos de dispositivo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>the host is not connected.</source>
        <translation>o hospedeiro não está conectado.</translation>
    </message>
    <message>
        <source>Unknown architecture</source>
        <translation>Arquitetura desconhecida</translation>
    </message>
    <message>
        <source>Crossvirt does not know the %1 architecture, so it cannot say which devices this VM can have.</source>
        <translation>O Crossvirt não conhece a arquitetura %1, por isso não sabe dizer quais dispositivos esta VM pode ter.</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>A text console the VM window's Console tab can open.</source>
        <translation>Um console de texto que a aba Console da janela da VM pode abrir.</translation>
    </message>
    <message>
        <source>A graphical display the Console tab shows.</source>
        <translation>Uma tela gráfica que a aba Console mostra.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>The display adapter the guest draws on.</source>
        <translation>O adaptador de vídeo em que o convidado desenha.</translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation>&amp;Controlador:</translation>
    </message>
    <message>
        <source>A bus that disks or USB devices are attached to.</source>
        <translation>Um barramento ao qual discos ou dispositivos USB são conectados.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>A tablet keeps the pointer in step with the console window; a keyboard or mouse for guests without one.</source>
        <translation>Um tablet mantém o ponteiro sincronizado com a janela do console; um teclado ou mouse, para convidados que não têm um.</translation>
    </message>
    <message>
        <source>Resets the guest when it stops answering its watchdog.</source>
        <translation>Reinicia o convidado quando ele para de responder ao seu watchdog.</translation>
    </message>
    <message>
        <source>Gives the guest entropy from the host's /dev/urandom.</source>
        <translation>Fornece ao convidado entropia do /dev/urandom do hospedeiro.</translation>
    </message>
    <message>
        <source>An emulated TPM 2.0 (swtpm) for measured boot and disk encryption keys.</source>
        <translation>Um TPM 2.0 emulado (swtpm) para inicialização medida e chaves de criptografia de disco.</translation>
    </message>
    <message>
        <source>Not available for this VM.</source>
        <translation>Não disponível para esta VM.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Não disponível: %1</translation>
    </message>
    <message>
        <source>Cannot be added: Crossvirt does not know the %1 architecture.</source>
        <translation>Não pode ser adicionado: o Crossvirt não conhece a arquitetura %1.</translation>
    </message>
    <message>
        <source>Cannot be added: the host is not connected.</source>
        <translation>Não pode ser adicionado: o hospedeiro não está conectado.</translation>
    </message>
    <message>
        <source>Choose a kind of device on the left.</source>
        <translation>Escolha um tipo de dispositivo à esquerda.</translation>
    </message>
    <message>
        <source>Cannot be added: not available for this VM.</source>
        <translation>Não pode ser adicionado: não disponível para esta VM.</translation>
    </message>
    <message>
        <source>Cannot be added: %1</source>
        <translation>Não pode ser adicionado: %1</translation>
    </message>
    <message>
        <source>Cannot be added: Crossvirt found nothing to change.</source>
        <translation>Não pode ser adicionado: o Crossvirt não encontrou nada para alterar.</translation>
    </message>
    <message>
        <source>Added to the running guest now.</source>
        <translation>Adicionado ao convidado em execução agora.</translation>
    </message>
    <message>
        <source>Added at the next boot: %1</source>
        <translation>Adicionado na próxima inicialização: %1</translation>
    </message>
    <message>
        <source>Added at the next boot.</source>
        <translation>Adicionado na próxima inicialização.</translation>
    </message>
    <message>
        <source>Added at the next boot (the VM is shut off).</source>
        <translation>Adicionado na próxima inicialização (a VM está desligada).</translation>
    </message>
    <message>
        <source>%1, now</source>
        <translation>%1, agora</translation>
    </message>
    <message>
        <source>%1, at the next boot</source>
        <translation>%1, na próxima inicialização</translation>
    </message>
    <message>
        <source>The device was not added. %1</source>
        <translation>O dispositivo não foi adicionado. %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddHostDevicePage</name>
    <message>
        <source>Reading the host's devices…</source>
        <translation>Lendo os dispositivos do hospedeiro…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Usado por</translation>
    </message>
    <message>
        <source>Node device</source>
        <translation>Dispositivo de nó</translation>
    </message>
    <message>
        <source>USB devices of the host</source>
        <translation>Dispositivos USB do hospedeiro</translation>
    </message>
    <message>
        <source>PCI devices of the host</source>
        <translation>Dispositivos PCI do hospedeiro</translation>
    </message>
    <message>
        <source>The guest takes the device over: the host cannot use it meanwhile.</source>
        <translation>O convidado assume o dispositivo: o hospedeiro não pode usá-lo enquanto isso.</translation>
    </message>
    <message>
        <source>The device is detached from the host's driver and given to the guest (VFIO); the host cannot use it meanwhile.</source>
        <translation>O dispositivo é desconectado do driver do hospedeiro e entregue ao convidado (VFIO); o hospedeiro não pode usá-lo enquanto isso.</translation>
    </message>
    <message>
        <source>%1 already has this device.</source>
        <translation>%1 já tem este dispositivo.</translation>
    </message>
    <message>
        <source>The host has no USB device to pass through.</source>
        <translation>O hospedeiro não tem nenhum dispositivo USB para repassar.</translation>
    </message>
    <message>
        <source>The host has no PCI device to pass through.</source>
        <translation>O hospedeiro não tem nenhum dispositivo PCI para repassar.</translation>
    </message>
    <message>
        <source>The host's devices could not be read: %1</source>
        <translation>Não foi possível ler os dispositivos do host: %1</translation>
    </message>
    <message>
        <source>Choose a device in the list.</source>
        <translation>Escolha um dispositivo na lista.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddModelPage</name>
    <message>
        <source>&amp;Listen address:</source>
        <translation>Endereço de &amp;escuta:</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts viewers on the host itself only; 0.0.0.0 accepts them from any network.</source>
        <translation>127.0.0.1 aceita visualizadores apenas no próprio hospedeiro; 0.0.0.0 os aceita de qualquer rede.</translation>
    </message>
    <message>
        <source>Nothing of this kind is available for this guest.</source>
        <translation>Nada deste tipo está disponível para este convidado.</translation>
    </message>
    <message>
        <source>Give a listen address (127.0.0.1 for this host only).</source>
        <translation>Informe um endereço de escuta (127.0.0.1 apenas para este hospedeiro).</translation>
    </message>
    <message>
        <source>%1 is not an IP address (127.0.0.1, 0.0.0.0, ::1).</source>
        <translation>%1 não é um endereço IP (127.0.0.1, 0.0.0.0, ::1).</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::AddNicPage</name>
    <message>
        <source>Reading the host's networks…</source>
        <translation>Lendo as redes do hospedeiro…</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Rede:</translation>
    </message>
    <message>
        <source>br0</source>
        <translation>br0</translation>
    </message>
    <message>
        <source>&amp;Bridge:</source>
        <translation>&amp;Bridge:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Generated by libvirt</source>
        <translation>Gerado pelo libvirt</translation>
    </message>
    <message>
        <source>M&amp;AC address:</source>
        <translation>Endereço M&amp;AC:</translation>
    </message>
    <message>
        <source>%1 (not running)</source>
        <translation>%1 (não está em execução)</translation>
    </message>
    <message>
        <source>Bridge on the host (give its name)</source>
        <translation>Bridge no hospedeiro (informe o nome dela)</translation>
    </message>
    <message>
        <source>The host's networks could not be read: %1</source>
        <translation>Não foi possível ler as redes do host: %1</translation>
    </message>
    <message>
        <source>Choose a network or a bridge of the host.</source>
        <translation>Escolha uma rede ou uma bridge do hospedeiro.</translation>
    </message>
    <message>
        <source>Give the name of the host's bridge (br0).</source>
        <translation>Informe o nome da bridge do hospedeiro (br0).</translation>
    </message>
    <message>
        <source>%1 is not a network device name (at most 15 letters, digits, "-", "_", ".").</source>
        <translation>%1 não é um nome de dispositivo de rede (no máximo 15 letras, dígitos, "-", "_", ".").</translation>
    </message>
    <message>
        <source>No NIC model is available.</source>
        <translation>Nenhum modelo de placa de rede está disponível.</translation>
    </message>
    <message>
        <source>%1 is not a MAC address (six hex pairs: 52:54:00:12:34:56).</source>
        <translation>%1 não é um endereço MAC (seis pares hexadecimais: 52:54:00:12:34:56).</translation>
    </message>
    <message>
        <source>%1 is a multicast address; a NIC needs a unicast one (even first byte).</source>
        <translation>%1 é um endereço multicast; uma placa de rede precisa de um endereço unicast (primeiro byte par).</translation>
    </message>
    <message>
        <source>%1 (not on the host)</source>
        <translation>%1 (não está no hospedeiro)</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::BootSection</name>
    <message>
        <source>Boot Options</source>
        <translation>Opções de inicialização</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Início automático</translation>
    </message>
    <message>
        <source>Start the virtual machine when the host boots</source>
        <translation>Iniciar a máquina virtual quando o hospedeiro inicializar</translation>
    </message>
    <message>
        <source>Boot device order</source>
        <translation>Ordem dos dispositivos de inicialização</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descer</translation>
    </message>
    <message>
        <source>Try this device earlier</source>
        <translation>Tentar este dispositivo antes</translation>
    </message>
    <message>
        <source>Try this device later</source>
        <translation>Tentar este dispositivo depois</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Firmware:</translation>
    </message>
    <message>
        <source>Direct kernel boot</source>
        <translation>Inicialização direta do kernel</translation>
    </message>
    <message>
        <source>A kernel file on the host; empty boots from a device</source>
        <translation>Um arquivo de kernel no hospedeiro; vazio inicializa a partir de um dispositivo</translation>
    </message>
    <message>
        <source>Kernel path:</source>
        <translation>Caminho do kernel:</translation>
    </message>
    <message>
        <source>Initrd path:</source>
        <translation>Caminho do initrd:</translation>
    </message>
    <message>
        <source>Kernel arguments:</source>
        <translation>Argumentos do kernel:</translation>
    </message>
    <message>
        <source>DTB path:</source>
        <translation>Caminho do DTB:</translation>
    </message>
    <message numerus="yes">
        <source>The firmware tries %n device(s).</source>
        <translation>
            <numerusform>O firmware tenta %n dispositivo.</numerusform>
            <numerusform>O firmware tenta %n dispositivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>This VM has no disk, CD-ROM or network interface to boot from.</source>
        <translation>Esta VM não tem disco, CD-ROM nem interface de rede pelos quais inicializar.</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>%1 guests boot with UEFI only.</source>
        <translation>Convidados %1 inicializam apenas com UEFI.</translation>
    </message>
    <message>
        <source>A firmware change takes effect at the next boot.</source>
        <translation>Uma alteração de firmware entra em vigor na próxima inicialização.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::BulkProgressDialog</name>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Processando…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n virtual machines</source>
        <translation>
            <numerusform>%1: %n máquina virtual</numerusform>
            <numerusform>%1: %n máquinas virtuais</numerusform>
        </translation>
    </message>
    <message>
        <source>Result of each virtual machine</source>
        <translation>Resultado de cada máquina virtual</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Máquina virtual</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Progresso geral</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n virtual machines. The VMs of one host go one after another, hosts in parallel; a failure does not stop the others.</source>
        <translation>
            <numerusform>%1 %n máquina virtual. As VMs de um hospedeiro são processadas uma após a outra, os hospedeiros em paralelo; uma falha não interrompe as demais.</numerusform>
            <numerusform>%1 %n máquinas virtuais. As VMs de um hospedeiro são processadas uma após a outra, os hospedeiros em paralelo; uma falha não interrompe as demais.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: done for all %n virtual machines.</source>
        <translation>
            <numerusform>%1: concluído para %n máquina virtual.</numerusform>
            <numerusform>%1: concluído para todas as %n máquinas virtuais.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n virtual machines failed; see each one's result.</source>
        <translation>
            <numerusform>%1: %2 de %n máquina virtual falhou; veja o resultado de cada uma.</numerusform>
            <numerusform>%1: %2 de %n máquinas virtuais falharam; veja o resultado de cada uma.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: the virtual machines not started yet are skipped…</source>
        <translation>Cancelando: as máquinas virtuais ainda não processadas são ignoradas…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::ChoiceCombo</name>
    <message>
        <source>Also not offered: %1 (hover for why).</source>
        <translation>Também não oferecidos: %1 (passe o mouse para ver o motivo).</translation>
    </message>
    <message>
        <source>Nothing is available here.</source>
        <translation>Nada está disponível aqui.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::CloneDialog</name>
    <message>
        <source>%1 (CD-ROM)</source>
        <translation>%1 (CD-ROM)</translation>
    </message>
    <message>
        <source>%1 (floppy)</source>
        <translation>%1 (disquete)</translation>
    </message>
    <message>
        <source>Clone %1</source>
        <translation>Clonar %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clone “%1”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Clonar “%1”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clone “%1”&lt;/b&gt; on %2</source>
        <translation>&lt;b&gt;Clonar “%1”&lt;/b&gt; em %2</translation>
    </message>
    <message>
        <source>Reading “%1” and its disks…</source>
        <translation>Lendo “%1” e seus discos…</translation>
    </message>
    <message>
        <source>Why this virtual machine cannot be cloned</source>
        <translation>Por que esta máquina virtual não pode ser clonada</translation>
    </message>
    <message>
        <source>&amp;Clone</source>
        <translation>&amp;Clonar</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Não foi possível ler “%1”: %2</translation>
    </message>
    <message>
        <source>Name of the clone</source>
        <translation>Nome do clone</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>Armazenamento:</translation>
    </message>
    <message>
        <source>Disks of the clone</source>
        <translation>Discos do clone</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Clone as</source>
        <translation>Clonar como</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>Novo volume</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Progresso geral</translation>
    </message>
    <message>
        <source>“%1” is running. Shut it down first: a copy of a disk in use would be torn, so only a shut-off virtual machine can be cloned.</source>
        <translation>“%1” está em execução. Desligue-a primeiro: a cópia de um disco em uso ficaria inconsistente, então só uma máquina virtual desligada pode ser clonada.</translation>
    </message>
    <message>
        <source>Shut “%1” down first</source>
        <translation>Desligue “%1” primeiro</translation>
    </message>
    <message>
        <source>(no medium)</source>
        <translation>(sem mídia)</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 em uso</translation>
    </message>
    <message>
        <source>How to clone %1</source>
        <translation>Como clonar %1</translation>
    </message>
    <message>
        <source>(the same)</source>
        <translation>(o mesmo)</translation>
    </message>
    <message>
        <source>%1: %2 to copy</source>
        <translation>%1: %2 a copiar</translation>
    </message>
    <message>
        <source>Network: no interfaces.</source>
        <translation>Rede: nenhuma interface.</translation>
    </message>
    <message>
        <source>Network: new MAC addresses %1.</source>
        <translation>Rede: novos endereços MAC %1.</translation>
    </message>
    <message>
        <source>UEFI variables copied to %1</source>
        <translation>Variáveis UEFI copiadas para %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>To copy: %1 (only the used part of each disk).</source>
        <translation>A copiar: %1 (apenas a parte usada de cada disco).</translation>
    </message>
    <message>
        <source>Nothing to copy: the clone's disks are shared or new and empty.</source>
        <translation>Nada a copiar: os discos do clone são compartilhados ou novos e vazios.</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <translation>Criar “%1”</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Cópia de %1</translation>
    </message>
    <message>
        <source>New empty volume</source>
        <translation>Novo volume vazio</translation>
    </message>
    <message>
        <source>Nothing to copy</source>
        <translation>Nada a copiar</translation>
    </message>
    <message>
        <source>Cloning “%1” as “%2”…</source>
        <translation>Clonando “%1” como “%2”…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Cloned as “%1”.</source>
        <translation>Clonada como “%1”.</translation>
    </message>
    <message>
        <source>Cancelled. The copies made so far were removed.</source>
        <translation>Cancelado. As cópias feitas até agora foram removidas.</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Cancelado. %1</translation>
    </message>
    <message>
        <source>The clone failed: %1</source>
        <translation>A clonagem falhou: %1</translation>
    </message>
    <message>
        <source>Cancelling: removing the copies made so far…</source>
        <translation>Cancelando: removendo as cópias feitas até agora…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::ClusterDialog</name>
    <message>
        <source>Edit Cluster %1</source>
        <translation>Editar cluster %1</translation>
    </message>
    <message>
        <source>New Cluster</source>
        <translation>Novo cluster</translation>
    </message>
    <message>
        <source>e.g. power9-lab</source>
        <translation>ex.: power9-lab</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>&amp;Arquitetura:</translation>
    </message>
    <message>
        <source>&amp;CPU type:</source>
        <translation>&amp;Tipo de CPU:</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>Arch</source>
        <translation>Arquitetura</translation>
    </message>
    <message>
        <source>Runs the cluster's guests</source>
        <translation>Executa os convidados do cluster</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Hospedeiros:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2), emulated only</source>
        <translation>%1 (%2), somente emulado</translation>
    </message>
    <message>
        <source>No connected host runs %1 natively: its hosts will emulate it.</source>
        <translation>Nenhum hospedeiro conectado executa %1 nativamente: os hospedeiros do cluster vão emulá-la.</translation>
    </message>
    <message>
        <source>In cluster %1</source>
        <translation>No cluster %1</translation>
    </message>
    <message>
        <source>Natively (KVM)</source>
        <translation>Nativamente (KVM)</translation>
    </message>
    <message>
        <source>Emulating %1 (TCG)</source>
        <translation>Emulando %1 (TCG)</translation>
    </message>
    <message>
        <source>No host is connected; add a connection first.</source>
        <translation>Nenhum hospedeiro está conectado; adicione uma conexão primeiro.</translation>
    </message>
    <message>
        <source>Greyed hosts cannot join this cluster; the last column says why.</source>
        <translation>Hospedeiros em cinza não podem entrar neste cluster; a última coluna informa o motivo.</translation>
    </message>
    <message>
        <source>The architecture cannot change while the cluster has hosts; remove them first.</source>
        <translation>A arquitetura não pode mudar enquanto o cluster tiver hospedeiros; remova-os primeiro.</translation>
    </message>
    <message>
        <source>The description is too long: at most %1 characters.</source>
        <translation>A descrição é longa demais: no máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>Allow &amp;emulated guests</source>
        <translation>Permitir convidados &amp;emulados</translation>
    </message>
    <message>
        <source>Hosts of another architecture may then join and run this cluster's guests with QEMU's emulation (TCG), much slower than native.</source>
        <translation>Hospedeiros de outra arquitetura poderão então entrar e executar os convidados deste cluster com a emulação do QEMU (TCG), bem mais lenta que a execução nativa.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Emulation only (not allowed)</source>
        <translation>Somente emulação (não permitida)</translation>
    </message>
    <message>
        <source>Cannot run %1</source>
        <translation>Não pode executar %1</translation>
    </message>
    <message>
        <source>Tick the hosts that belong to the cluster</source>
        <translation>Marque os hospedeiros que pertencem ao cluster</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::ConsolePage</name>
    <message>
        <source>Open in a Separate Window</source>
        <translation>Abrir em uma janela separada</translation>
    </message>
    <message>
        <source>Shows this console in a window of its own; this tab disconnects.</source>
        <translation>Mostra este console em uma janela própria; esta aba se desconecta.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>The console is open in a separate window.</source>
        <translation>O console está aberto em uma janela separada.</translation>
    </message>
    <message>
        <source>Reading the virtual machine's consoles…</source>
        <translation>Lendo os consoles da máquina virtual…</translation>
    </message>
    <message>
        <source>%1 is not running. Start it to see its console.</source>
        <translation>%1 não está em execução. Inicie-a para ver o console.</translation>
    </message>
    <message>
        <source>%1 guests have no graphical console.</source>
        <translation>Convidados %1 não têm console gráfico.</translation>
    </message>
    <message>
        <source>This virtual machine has no console.</source>
        <translation>Esta máquina virtual não tem console.</translation>
    </message>
    <message>
        <source>It has no serial console either.</source>
        <translation>Ela também não tem console serial.</translation>
    </message>
    <message>
        <source>The host was removed.</source>
        <translation>O hospedeiro foi removido.</translation>
    </message>
    <message>
        <source>Show Serial Console</source>
        <translation>Mostrar console serial</translation>
    </message>
    <message>
        <source>Show Graphical Console</source>
        <translation>Mostrar console gráfico</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::CpuSection</name>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPUs</translation>
    </message>
    <message>
        <source>Current allocation:</source>
        <translation>Alocação atual:</translation>
    </message>
    <message>
        <source>Maximum allocation:</source>
        <translation>Alocação máxima:</translation>
    </message>
    <message>
        <source>Manually set CPU topology</source>
        <translation>Definir a topologia da CPU manualmente</translation>
    </message>
    <message>
        <source>Sockets:</source>
        <translation>Soquetes:</translation>
    </message>
    <message>
        <source>Cores per socket:</source>
        <translation>Núcleos por soquete:</translation>
    </message>
    <message>
        <source>Threads per core:</source>
        <translation>Threads por núcleo:</translation>
    </message>
    <message>
        <source>The maximum allocation is sockets × cores × threads.</source>
        <translation>A alocação máxima é soquetes × núcleos × threads.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>CPU mode:</source>
        <translation>Modo da CPU:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>A named model is used with the mode Custom.</source>
        <translation>Um modelo nomeado é usado com o modo Personalizado.</translation>
    </message>
    <message>
        <source>vCPUs are not hot-plugged: %1</source>
        <translation>vCPUs não são conectadas a quente: %1</translation>
    </message>
    <message>
        <source>vCPUs can be added while the VM runs, not removed: %1</source>
        <translation>vCPUs podem ser adicionadas com a VM em execução, mas não removidas: %1</translation>
    </message>
    <message>
        <source>While the VM runs, vCPUs can be added up to the maximum allocation.</source>
        <translation>Com a VM em execução, vCPUs podem ser adicionadas até a alocação máxima.</translation>
    </message>
    <message numerus="yes">
        <source>The running guest has %n vCPU(s) now; the values above are for its next boot.</source>
        <translation>
            <numerusform>O convidado em execução tem %n vCPU agora; os valores acima são para a próxima inicialização.</numerusform>
            <numerusform>O convidado em execução tem %n vCPUs agora; os valores acima são para a próxima inicialização.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The host has %n CPU(s).</source>
        <translation>
            <numerusform>O hospedeiro tem %n CPU.</numerusform>
            <numerusform>O hospedeiro tem %n CPUs.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 guests take at most %2 vCPUs.</source>
        <translation>Convidados %1 usam no máximo %2 vCPUs.</translation>
    </message>
    <message>
        <source>Hypervisor default</source>
        <translation>Padrão do hypervisor</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::CredentialDialogProvider</name>
    <message>
        <source>Authentication required</source>
        <translation>Autenticação necessária</translation>
    </message>
    <message>
        <source>%1 asks for credentials.</source>
        <translation>%1 pede credenciais.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nome de usuário:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Resposta:</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DeletePoolDialog</name>
    <message>
        <source>Delete Storage Pool “%1”</source>
        <translation>Excluir pool de armazenamento “%1”</translation>
    </message>
    <message>
        <source>The pool “%1” will be stopped and its definition removed from the host. Its volumes stay on disk unless you also delete them.</source>
        <translation>O pool “%1” será parado e sua definição será removida do hospedeiro. Os volumes dele permanecem no disco, a menos que você também os exclua.</translation>
    </message>
    <message numerus="yes">
        <source>Also delete its %n volume(s) (cannot be undone)</source>
        <translation>
            <numerusform>Excluir também seu %n volume (não pode ser desfeito)</numerusform>
            <numerusform>Excluir também seus %n volumes (não pode ser desfeito)</numerusform>
        </translation>
    </message>
    <message>
        <source>Also delete its volumes (the pool is started to list them; cannot be undone)</source>
        <translation>Excluir também seus volumes (o pool é iniciado para listá-los; não pode ser desfeito)</translation>
    </message>
    <message>
        <source>With its volumes, the directory %1 is removed too.</source>
        <translation>Junto com os volumes, o diretório %1 também é removido.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DeleteTemplateDialog</name>
    <message>
        <source>Delete Template</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <source>Delete the template “%1” on %2?

VMs made from it as full copies are not touched. While a VM still has an overlay on its volumes, the template cannot be deleted.</source>
        <translation>Excluir o modelo “%1” em %2?

As VMs criadas a partir dele como cópias completas não são afetadas. Enquanto uma VM ainda tiver um overlay sobre os volumes dele, o modelo não pode ser excluído.</translation>
    </message>
    <message>
        <source>Also delete its &amp;base volumes</source>
        <translation>Excluir também os volumes &amp;base</translation>
    </message>
    <message>
        <source>&amp;Delete Template</source>
        <translation>&amp;Excluir modelo</translation>
    </message>
    <message>
        <source>The host is gone from the list.</source>
        <translation>O hospedeiro não está mais na lista.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Excluindo…</translation>
    </message>
    <message>
        <source>The template was not deleted: %1</source>
        <translation>O modelo não foi excluído: %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DeleteVmDialog</name>
    <message>
        <source>Delete virtual machine</source>
        <translation>Excluir máquina virtual</translation>
    </message>
    <message>
        <source>Delete “%1”? It is running and will be forced off first. This cannot be undone.</source>
        <translation>Excluir “%1”? Ela está em execução e terá o desligamento forçado antes. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Excluir “%1”? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>It has no storage volumes.</source>
        <translation>Ela não tem volumes de armazenamento.</translation>
    </message>
    <message>
        <source>Also delete the storage volumes you tick:</source>
        <translation>Excluir também os volumes de armazenamento marcados:</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>Used by %1: kept</source>
        <translation>Usado por %1: mantido</translation>
    </message>
    <message>
        <source>Not a volume libvirt manages: kept</source>
        <translation>Não é um volume gerenciado pelo libvirt: mantido</translation>
    </message>
    <message>
        <source>CD-ROM</source>
        <translation>CD-ROM</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Somente leitura</translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation>Compartilhável</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Storage volumes to delete</source>
        <translation>Volumes de armazenamento a excluir</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DeleteVmPoolDialog</name>
    <message>
        <source>Delete VM Pool</source>
        <translation>Excluir pool de VMs</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>The pool's VMs</source>
        <translation>As VMs do pool</translation>
    </message>
    <message>
        <source>&amp;Delete Pool</source>
        <translation>&amp;Excluir pool</translation>
    </message>
    <message>
        <source>No VM belongs to a VM pool.</source>
        <translation>Nenhuma VM pertence a um pool de VMs.</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Hosts: %1. The VMs are forced off and deleted with the volumes made for them; the template's volumes stay.</source>
        <translation>Hospedeiros: %1. As VMs são desligadas à força e excluídas junto com os volumes criados para elas; os volumes do modelo permanecem.</translation>
    </message>
    <message>
        <source>&amp;Delete the VMs listed (%1)</source>
        <translation>E&amp;xcluir as VMs listadas (%1)</translation>
    </message>
    <message>
        <source>Deleting the pool %1…</source>
        <translation>Excluindo o pool %1…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Excluindo…</translation>
    </message>
    <message>
        <source>Finished deleting the pool %1.</source>
        <translation>Exclusão do pool %1 concluída.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Failed: the host is gone from the list.</source>
        <translation>Falhou: o hospedeiro não está mais na lista.</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 excluída</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DetailsPane</name>
    <message>
        <source>Select a host or a virtual machine.</source>
        <translation>Selecione um hospedeiro ou uma máquina virtual.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Desempenho</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lendo %1…</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Redes</translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation>Mosaico</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::DeviceSection</name>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Mídia</translation>
    </message>
    <message>
        <source>Change media…</source>
        <translation>Trocar mídia…</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>Ejetar</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Device XML</source>
        <translation>XML do dispositivo</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Origem:</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>Endereço MAC:</translation>
    </message>
    <message>
        <source>no medium</source>
        <translation>sem mídia</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Boot order:</source>
        <translation>Ordem de inicialização:</translation>
    </message>
    <message>
        <source>not a boot device</source>
        <translation>não é um dispositivo de inicialização</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Acesso:</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>somente leitura</translation>
    </message>
    <message>
        <source>The running guest sees the new medium at once.</source>
        <translation>O convidado em execução vê a nova mídia imediatamente.</translation>
    </message>
    <message>
        <source>The medium is used at the next boot.</source>
        <translation>A mídia é usada na próxima inicialização.</translation>
    </message>
    <message>
        <source>Change media of %1</source>
        <translation>Trocar mídia de %1</translation>
    </message>
    <message>
        <source>/var/lib/libvirt/images/install.iso or POOL/VOLUME</source>
        <translation>/var/lib/libvirt/images/install.iso ou POOL/VOLUME</translation>
    </message>
    <message>
        <source>A path on the host, or a storage pool and volume as POOL/VOLUME.</source>
        <translation>Um caminho no hospedeiro, ou um pool de armazenamento e um volume como POOL/VOLUME.</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Inserir</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <source>Reading the host's networks…</source>
        <translation>Lendo as redes do hospedeiro…</translation>
    </message>
    <message>
        <source>&amp;Network source:</source>
        <translation>Origem da &amp;rede:</translation>
    </message>
    <message>
        <source>br0</source>
        <translation>br0</translation>
    </message>
    <message>
        <source>&amp;Bridge:</source>
        <translation>&amp;Bridge:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>&amp;Link up (the guest sees the cable plugged in)</source>
        <translation>&amp;Link ativo (o convidado vê o cabo conectado)</translation>
    </message>
    <message>
        <source>Link state:</source>
        <translation>Estado do link:</translation>
    </message>
    <message>
        <source>This interface's source (%1) is changed in the XML tab.</source>
        <translation>A origem desta interface (%1) é alterada na aba XML.</translation>
    </message>
    <message>
        <source>A new network or bridge and the link state reach the running guest at once; a new model takes effect when it next starts.</source>
        <translation>Uma nova rede ou bridge e o estado do link chegam imediatamente ao convidado em execução; um novo modelo entra em vigor na próxima vez que ele iniciar.</translation>
    </message>
    <message>
        <source>The MAC address stays. Changes are listed under Pending changes until you apply them.</source>
        <translation>O endereço MAC é mantido. As alterações ficam listadas em Alterações pendentes até que você as aplique.</translation>
    </message>
    <message>
        <source>The host's networks could not be read: %1</source>
        <translation>Não foi possível ler as redes do hospedeiro: %1</translation>
    </message>
    <message>
        <source>ISO &amp;volume</source>
        <translation>&amp;Volume ISO</translation>
    </message>
    <message>
        <source>&amp;File path</source>
        <translation>Caminho do &amp;arquivo</translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation>Mídia:</translation>
    </message>
    <message>
        <source>The host's ISO images could not be read: %1</source>
        <translation>Não foi possível ler as imagens ISO do hospedeiro: %1</translation>
    </message>
    <message>
        <source>Reading the host's storage…</source>
        <translation>Lendo o armazenamento do hospedeiro…</translation>
    </message>
    <message>
        <source>I&amp;SO:</source>
        <translation>I&amp;SO:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Caminho:</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::HostChartsPage</name>
    <message>
        <source>CPU use</source>
        <translation>Uso de CPU</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Memória (MiB)</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Em uso</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Livre</translation>
    </message>
    <message>
        <source>Running virtual machines</source>
        <translation>Máquinas virtuais em execução</translation>
    </message>
    <message>
        <source>Running VMs</source>
        <translation>VMs em execução</translation>
    </message>
    <message>
        <source>This host's driver does not report memory statistics.</source>
        <translation>O driver deste hospedeiro não informa estatísticas de memória.</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>Memória (%1)</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::HostDetailsPage</name>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Nome do hospedeiro:</translation>
    </message>
    <message>
        <source>Hypervisor:</source>
        <translation>Hipervisor:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Arquitetura:</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Memória:</translation>
    </message>
    <message>
        <source>Runs natively (KVM):</source>
        <translation>Executa nativamente (KVM):</translation>
    </message>
    <message>
        <source>Can emulate (TCG):</source>
        <translation>Pode emular (TCG):</translation>
    </message>
    <message>
        <source>Arch lists from:</source>
        <translation>Origem das arquiteturas:</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Redes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Storage pools</source>
        <translation>Pools de armazenamento</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Livre</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>Estado de %1: %2.</translation>
    </message>
    <message>
        <source>libvirt said: %1</source>
        <translation>O libvirt informou: %1</translation>
    </message>
    <message>
        <source>Reading host details…</source>
        <translation>Lendo os detalhes do hospedeiro…</translation>
    </message>
    <message>
        <source>%1 (libvirt %2.%3.%4)</source>
        <translation>%1 (libvirt %2.%3.%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n logical CPU(s)</source>
        <translation>
            <numerusform>%n CPU lógica</numerusform>
            <numerusform>%n CPUs lógicas</numerusform>
        </translation>
    </message>
    <message>
        <source> at %1 MHz</source>
        <translation> a %1 MHz</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <source>the host's capabilities</source>
        <translation>capacidades do hospedeiro</translation>
    </message>
    <message>
        <source>Crossvirt's arch policy (this driver's capabilities do not describe the host)</source>
        <translation>política de arquiteturas do Crossvirt (as capacidades deste driver não descrevem o hospedeiro)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>isolated</source>
        <translation>isolada</translation>
    </message>
    <message>
        <source>This host answers slowly: %1 ms per call. It stays connected; lists and charts may lag behind.</source>
        <translation>Este hospedeiro responde lentamente: %1 ms por chamada. Ele continua conectado; listas e gráficos podem ficar atrasados.</translation>
    </message>
    <message>
        <source>Its capabilities were not read whole: %1</source>
        <translation>Suas capacidades não foram lidas por inteiro: %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::HostKeyDialog</name>
    <message>
        <source>Unknown SSH host key</source>
        <translation>Chave SSH do hospedeiro desconhecida</translation>
    </message>
    <message>
        <source>&lt;p&gt;This is the first connection to &lt;b&gt;%1&lt;/b&gt;. Its identity cannot be established yet.&lt;/p&gt;&lt;p&gt;Compare the fingerprint below with the one the host's administrator gives you (&lt;tt&gt;ssh-keygen -l -f /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt; on the host). Trust it only if they match.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta é a primeira conexão com &lt;b&gt;%1&lt;/b&gt;. Sua identidade ainda não pode ser estabelecida.&lt;/p&gt;&lt;p&gt;Compare a impressão digital abaixo com a fornecida pelo administrador do hospedeiro (&lt;tt&gt;ssh-keygen -l -f /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt; no hospedeiro). Confie nela somente se forem iguais.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hospedeiro:</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(não informado)</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Tipo de chave:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Impressão digital:</translation>
    </message>
    <message>
        <source>Trusting adds the key to %1.</source>
        <translation>Confiar adiciona a chave a %1.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Confiar e conectar</translation>
    </message>
    <message>
        <source>&amp;Do not trust</source>
        <translation>&amp;Não confiar</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::InventoryPresentation</name>
    <message>
        <source>Template</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>A template: new virtual machines are made from it; it is never started.</source>
        <translation>Um modelo: novas máquinas virtuais são criadas a partir dele; ele nunca é iniciado.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::MainWindow</name>
    <message>
        <source>Crossvirt</source>
        <translation>Crossvirt</translation>
    </message>
    <message>
        <source>Not understood: %1. Use arch:, state:, host: or emulated:.</source>
        <translation>Não entendido: %1. Use arch:, state:, host: ou emulated:.</translation>
    </message>
    <message>
        <source>Could not save the connection list</source>
        <translation>Não foi possível salvar a lista de conexões</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>&amp;Adicionar conexão…</translation>
    </message>
    <message>
        <source>&amp;Remove Connection</source>
        <translation>&amp;Remover conexão</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>&amp;Desligar</translation>
    </message>
    <message>
        <source>&amp;Reboot</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <source>&amp;Force Off</source>
        <translation>&amp;Forçar desligamento</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>R&amp;esume</source>
        <translation>Re&amp;tomar</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Excluir…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Hospedeiro</translation>
    </message>
    <message>
        <source>&amp;Virtual Machine</source>
        <translation>&amp;Máquina virtual</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;About Crossvirt</source>
        <translation>&amp;Sobre o Crossvirt</translation>
    </message>
    <message>
        <source>About Crossvirt</source>
        <translation>Sobre o Crossvirt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Crossvirt %1&lt;/b&gt;&lt;p&gt;A console for libvirt datacenters whose hosts and guests span CPU architectures.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Crossvirt %1&lt;/b&gt;&lt;p&gt;Um console para datacenters libvirt cujos hospedeiros e convidados abrangem várias arquiteturas de CPU.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>%1 of %2 hosts connected · %3 VMs, %4 running</source>
        <translation>%1 de %2 hospedeiros conectados · %3 VMs, %4 em execução</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Could not save the clusters</source>
        <translation>Não foi possível salvar os clusters</translation>
    </message>
    <message>
        <source>&amp;New VM…</source>
        <translation>&amp;Nova VM…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Add &amp;Disk…</source>
        <translation>Adicionar dis&amp;co…</translation>
    </message>
    <message>
        <source>&amp;New Cluster…</source>
        <translation>&amp;Novo cluster…</translation>
    </message>
    <message>
        <source>&amp;Edit Cluster…</source>
        <translation>&amp;Editar cluster…</translation>
    </message>
    <message>
        <source>&amp;Delete Cluster</source>
        <translation>E&amp;xcluir cluster</translation>
    </message>
    <message>
        <source>By &amp;Host</source>
        <translation>Por &amp;hospedeiro</translation>
    </message>
    <message>
        <source>By &amp;Cluster</source>
        <translation>Por &amp;cluster</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>Add a new disk to the selected virtual machine</source>
        <translation>Adiciona um novo disco à máquina virtual selecionada</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>Filter: name, arch:%1, state:running, host:name</source>
        <translation>Filtro: nome, arch:%1, state:running, host:nome</translation>
    </message>
    <message>
        <source>Ask the guest to shut down (its power button)</source>
        <translation>Pede ao convidado que desligue (o botão de energia dele)</translation>
    </message>
    <message>
        <source>Ask the guest to restart (its power button)</source>
        <translation>Pede ao convidado que reinicie (o botão de energia dele)</translation>
    </message>
    <message>
        <source>Hosts and virtual machines</source>
        <translation>Hospedeiros e máquinas virtuais</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>Ctrl+Alt+X</source>
        <translation>Ctrl+Alt+X</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Ctrl+Alt+D</source>
        <translation>Ctrl+Alt+D</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Redefinir layout</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>Window size, panes, columns and view as on first start; VM windows too</source>
        <translation>Tamanho da janela, painéis, colunas e modo de exibição como no primeiro início; também as janelas das VMs</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrar…</translation>
    </message>
    <message>
        <source>VM &amp;Tiles</source>
        <translation>&amp;Mosaico de VMs</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>The virtual machines of the selected host or cluster, with a small picture of each running one's screen</source>
        <translation>As máquinas virtuais do hospedeiro ou cluster selecionado, com uma pequena imagem da tela de cada uma em execução</translation>
    </message>
    <message>
        <source>&amp;Clone…</source>
        <translation>C&amp;lonar…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Make &amp;Template…</source>
        <translation>Transformar em &amp;modelo…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n of the selected virtual machines</source>
        <translation>
            <numerusform>%1 %n das máquinas virtuais selecionadas</numerusform>
            <numerusform>%1 %n das máquinas virtuais selecionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected virtual machines can be given this action</source>
        <translation>Nenhuma das máquinas virtuais selecionadas pode receber esta ação</translation>
    </message>
    <message>
        <source>Acts on one virtual machine: select only one</source>
        <translation>Atua em uma só máquina virtual: selecione apenas uma</translation>
    </message>
    <message>
        <source>“%1” is a template: make a new virtual machine from it instead</source>
        <translation>“%1” é um modelo: em vez disso, crie uma nova máquina virtual a partir dele</translation>
    </message>
    <message>
        <source>Shut “%1” down first: only a shut-off virtual machine can be cloned</source>
        <translation>Desligue “%1” primeiro: só uma máquina virtual desligada pode ser clonada</translation>
    </message>
    <message>
        <source>Copy the selected virtual machine under a new name</source>
        <translation>Copia a máquina virtual selecionada com um novo nome</translation>
    </message>
    <message>
        <source>“%1” already is a template</source>
        <translation>“%1” já é um modelo</translation>
    </message>
    <message>
        <source>Turn the selected virtual machine into a template new ones are made from</source>
        <translation>Transforma a máquina virtual selecionada em um modelo a partir do qual novas são criadas</translation>
    </message>
    <message>
        <source>Delete the selected virtual machine</source>
        <translation>Exclui a máquina virtual selecionada</translation>
    </message>
    <message>
        <source>Start the selected virtual machine</source>
        <translation>Inicia a máquina virtual selecionada</translation>
    </message>
    <message>
        <source>Turn the selected virtual machine off at once</source>
        <translation>Desliga imediatamente a máquina virtual selecionada</translation>
    </message>
    <message>
        <source>Open the selected virtual machine's window</source>
        <translation>Abre a janela da máquina virtual selecionada</translation>
    </message>
    <message>
        <source>“%1” is a template: it is never started. Make a new virtual machine from it.</source>
        <translation>“%1” é um modelo: ele nunca é iniciado. Crie uma nova máquina virtual a partir dele.</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> e mais %n</numerusform>
            <numerusform> e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%n virtual machines selected&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;on %2&lt;/p&gt;&lt;p&gt;The VM actions act on each of them that can; one window lists each result.&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n máquina virtual selecionada&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;em %2&lt;/p&gt;&lt;p&gt;As ações de VM atuam em cada uma que puder recebê-las; uma janela lista o resultado de cada uma.&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%n máquinas virtuais selecionadas&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;em %2&lt;/p&gt;&lt;p&gt;As ações de VM atuam em cada uma que puder recebê-las; uma janela lista o resultado de cada uma.&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>New VM from &amp;Template…</source>
        <translation>Nova VM a partir de &amp;modelo…</translation>
    </message>
    <message>
        <source>&amp;New VM Pool…</source>
        <translation>&amp;Novo pool de VMs…</translation>
    </message>
    <message>
        <source>&amp;Delete VM Pool…</source>
        <translation>&amp;Excluir pool de VMs…</translation>
    </message>
    <message>
        <source>Delete T&amp;emplate…</source>
        <translation>Excluir m&amp;odelo…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+V</source>
        <translation>Ctrl+Alt+V</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+P</source>
        <translation>Ctrl+Alt+Shift+P</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+T</source>
        <translation>Ctrl+Alt+Shift+T</translation>
    </message>
    <message>
        <source>Several VMs from one template, spread over a cluster's hosts</source>
        <translation>Várias VMs a partir de um modelo, distribuídas pelos hospedeiros de um cluster</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>Exclui o modelo selecionado</translation>
    </message>
    <message>
        <source>&amp;Pools</source>
        <translation>&amp;Pools</translation>
    </message>
    <message>
        <source>&amp;Migrate…</source>
        <translation>&amp;Migrar…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Show &amp;Where the VM Can Move</source>
        <translation>Mostrar &amp;Onde a VM Pode Ser Movida</translation>
    </message>
    <message>
        <source>Ctrl+Alt+W</source>
        <translation>Ctrl+Alt+W</translation>
    </message>
    <message>
        <source>Marks in the tree the hosts the selected virtual machine could migrate to; the others are greyed with the reason</source>
        <translation>Marca na árvore os hospedeiros para os quais a máquina virtual selecionada pode migrar; os demais ficam esmaecidos com o motivo</translation>
    </message>
    <message>
        <source>Migrates one virtual machine: select only one</source>
        <translation>Migra uma máquina virtual: selecione apenas uma</translation>
    </message>
    <message>
        <source>Select the virtual machine to migrate</source>
        <translation>Selecione a máquina virtual a migrar</translation>
    </message>
    <message>
        <source>“%1” is a template: make a virtual machine from it on the other host instead</source>
        <translation>“%1” é um modelo: crie uma máquina virtual a partir dele no outro hospedeiro</translation>
    </message>
    <message>
        <source>The host of “%1” is not connected</source>
        <translation>O hospedeiro de “%1” não está conectado</translation>
    </message>
    <message>
        <source>Move “%1” to another host, live or offline</source>
        <translation>Mover “%1” para outro hospedeiro, ao vivo ou offline</translation>
    </message>
    <message>
        <source>Select a virtual machine to see where it can move.</source>
        <translation>Selecione uma máquina virtual para ver para onde ela pode ser movida.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” can move to %n of the other hosts, marked in the tree.</source>
        <translation>
            <numerusform>“%1” pode ser movida para %n dos outros hospedeiros, marcado na árvore.</numerusform>
            <numerusform>“%1” pode ser movida para %n dos outros hospedeiros, marcados na árvore.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other host can take “%1” now; hover a host for why.</source>
        <translation>Nenhum outro hospedeiro pode receber “%1” agora; passe o mouse sobre um hospedeiro para ver o motivo.</translation>
    </message>
    <message>
        <source>Could not check where “%1” can move</source>
        <translation>Não foi possível verificar para onde “%1” pode ser movida</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot…</source>
        <translation>&amp;Tirar snapshot…</translation>
    </message>
    <message>
        <source>&amp;Manage Snapshots…</source>
        <translation>&amp;Gerenciar snapshots…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+S</source>
        <translation>Ctrl+Alt+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation>&amp;Snapshot</translation>
    </message>
    <message>
        <source>Select only one virtual machine</source>
        <translation>Selecione apenas uma máquina virtual</translation>
    </message>
    <message>
        <source>Select a virtual machine</source>
        <translation>Selecione uma máquina virtual</translation>
    </message>
    <message>
        <source>“%1” is a template: its disks are read-only bases, nothing to snapshot</source>
        <translation>“%1” é um modelo: seus discos são bases somente leitura, não há do que fazer snapshot</translation>
    </message>
    <message>
        <source>Take a snapshot of “%1”</source>
        <translation>Criar um snapshot de “%1”</translation>
    </message>
    <message>
        <source>The snapshots of “%1”: revert, delete</source>
        <translation>Os snapshots de “%1”: reverter, excluir</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>&amp;Editar conexão…</translation>
    </message>
    <message>
        <source>&amp;Forget Saved Passwords</source>
        <translation>E&amp;squecer senhas salvas</translation>
    </message>
    <message>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F</source>
        <translation>Ctrl+Alt+F</translation>
    </message>
    <message>
        <source>Delete this host's passwords from the desktop's secret store</source>
        <translation>Excluir as senhas deste hospedeiro do repositório de segredos da área de trabalho</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::MakeTemplateDialog</name>
    <message>
        <source>“%1” already is a template.</source>
        <translation>“%1” já é um modelo.</translation>
    </message>
    <message>
        <source>“%1” is running. Shut it down first: a template's disks must not change under it.</source>
        <translation>“%1” está em execução. Desligue-a primeiro: os discos de um modelo não podem ser alterados.</translation>
    </message>
    <message>
        <source>“%1” is transient: it has no definition for libvirt to keep as a template.</source>
        <translation>“%1” é transitória: não tem definição que o libvirt possa manter como modelo.</translation>
    </message>
    <message>
        <source>Make Template of %1</source>
        <translation>Transformar %1 em modelo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Make a template of “%1”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Transformar “%1” em modelo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;“%1” becomes a template, in place:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;its disks become read-only bases;&lt;/li&gt;&lt;li&gt;it can no longer be started;&lt;/li&gt;&lt;li&gt;new virtual machines and VM pools are made from it, their disks as overlays on its bases or as full copies.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The template is kept in libvirt itself: every Crossvirt connected to this host sees it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;“%1” passa a ser um modelo, sem cópia:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;seus discos passam a ser bases somente leitura;&lt;/li&gt;&lt;li&gt;ela não pode mais ser iniciada;&lt;/li&gt;&lt;li&gt;novas máquinas virtuais e pools de VMs são criados a partir dela, com os discos como overlays sobre as bases dela ou como cópias completas.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;O modelo é mantido no próprio libvirt: todo Crossvirt conectado a este hospedeiro o vê.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>Description of the template</source>
        <translation>Descrição do modelo</translation>
    </message>
    <message>
        <source>What the template is for (optional)</source>
        <translation>Para que serve o modelo (opcional)</translation>
    </message>
    <message>
        <source>&amp;Make Template</source>
        <translation>&amp;Transformar em modelo</translation>
    </message>
    <message>
        <source>Could not make the template: %1</source>
        <translation>Não foi possível criar o modelo: %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::MemorySection</name>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Alocação</translation>
    </message>
    <message>
        <source>Boot memory:</source>
        <translation>Memória de inicialização:</translation>
    </message>
    <message>
        <source>Current allocation:</source>
        <translation>Alocação atual:</translation>
    </message>
    <message>
        <source>Memory hot-plug</source>
        <translation>Conexão a quente de memória</translation>
    </message>
    <message>
        <source>Maximum memory:</source>
        <translation>Memória máxima:</translation>
    </message>
    <message>
        <source>Memory slots:</source>
        <translation>Slots de memória:</translation>
    </message>
    <message>
        <source>The balloon driver gives a running guest its current allocation.</source>
        <translation>O driver de balloon dá a um convidado em execução sua alocação atual.</translation>
    </message>
    <message>
        <source>This VM has no memory balloon: it always has its boot memory.</source>
        <translation>Esta VM não tem balloon de memória: ela sempre tem sua memória de inicialização.</translation>
    </message>
    <message>
        <source>The running guest has %1 MiB now; the values above are for its next boot.</source>
        <translation>O convidado em execução tem %1 MiB agora; os valores acima são para a próxima inicialização.</translation>
    </message>
    <message>
        <source>%1 guests take memory in steps of %2 MiB.</source>
        <translation>Convidados %1 usam memória em incrementos de %2 MiB.</translation>
    </message>
    <message>
        <source>The host has %1 MiB.</source>
        <translation>O hospedeiro tem %1 MiB.</translation>
    </message>
    <message>
        <source>Crossvirt does not know %1 guests.</source>
        <translation>O Crossvirt não conhece convidados %1.</translation>
    </message>
    <message>
        <source>%1 guests cannot hot-plug memory.</source>
        <translation>Convidados %1 não podem conectar memória a quente.</translation>
    </message>
    <message>
        <source>No memory hot-plug: %1</source>
        <translation>Sem conexão a quente de memória: %1</translation>
    </message>
    <message>
        <source>Memory is hot-plugged in modules (DIMMs) of %1 MiB steps, up to the maximum memory; the maximum and the slots are set while the VM is shut off.</source>
        <translation>A memória é conectada a quente em módulos (DIMMs) em incrementos de %1 MiB, até a memória máxima; o máximo e os slots são definidos com a VM desligada.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::MigrateDialog</name>
    <message>
        <source>Migrate “%1”</source>
        <translation>Migrar “%1”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Migrate “%1”&lt;/b&gt; from %2</source>
        <translation>&lt;b&gt;Migrar “%1”&lt;/b&gt; de %2</translation>
    </message>
    <message>
        <source>Destination host</source>
        <translation>Hospedeiro de destino</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <source>&amp;Live: keep the guest running while it moves</source>
        <translation>Ao &amp;vivo: manter o convidado em execução durante a migração</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>&amp;Copy storage: copy the disks to the destination</source>
        <translation>&amp;Copiar o armazenamento: copiar os discos para o destino</translation>
    </message>
    <message>
        <source>Di&amp;rect (QEMU to QEMU)</source>
        <translation>Di&amp;reta (QEMU para QEMU)</translation>
    </message>
    <message>
        <source>&amp;Tunnelled through libvirtd</source>
        <translation>Por &amp;túnel através do libvirtd</translation>
    </message>
    <message>
        <source>QEMU streams the guest straight to the destination host; that host must be reachable from this one</source>
        <translation>O QEMU transmite o convidado diretamente para o hospedeiro de destino; esse hospedeiro precisa estar acessível a partir deste</translation>
    </message>
    <message>
        <source>The source's libvirtd opens the destination itself and carries the data over its own connection (peer to peer)</source>
        <translation>O libvirtd da origem abre o destino por conta própria e transporta os dados pela sua própria conexão (ponto a ponto)</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transporte:</translation>
    </message>
    <message>
        <source>Why this migration cannot go ahead as asked</source>
        <translation>Por que esta migração não pode prosseguir como solicitado</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Ilimitada</translation>
    </message>
    <message>
        <source>Bandwidth limit</source>
        <translation>Limite de largura de banda</translation>
    </message>
    <message>
        <source>0 = no limit</source>
        <translation>0 = sem limite</translation>
    </message>
    <message>
        <source>&amp;Bandwidth limit:</source>
        <translation>&amp;Limite de largura de banda:</translation>
    </message>
    <message>
        <source>Migration check of every other host</source>
        <translation>Verificação de migração de todos os outros hospedeiros</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>Can it move there?</source>
        <translation>Pode ser movida para lá?</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>Migration progress</source>
        <translation>Progresso da migração</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrar</translation>
    </message>
    <message>
        <source>Could not check “%1”: %2</source>
        <translation>Não foi possível verificar “%1”: %2</translation>
    </message>
    <message>
        <source>Checking which hosts can take “%1”…</source>
        <translation>Verificando quais hospedeiros podem receber “%1”…</translation>
    </message>
    <message>
        <source>Migration check: no other host can take “%1” now.</source>
        <translation>Verificação de migração: nenhum outro hospedeiro pode receber “%1” agora.</translation>
    </message>
    <message numerus="yes">
        <source>Migration check: %n of %1 other hosts can take “%2”.</source>
        <translation>
            <numerusform>Verificação de migração: %n de %1 outros hospedeiros pode receber “%2”.</numerusform>
            <numerusform>Verificação de migração: %n de %1 outros hospedeiros podem receber “%2”.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is shut off: live migration needs a running guest. Its definition moves (and its disks with Copy storage).</source>
        <translation>“%1” está desligada: a migração ao vivo exige um convidado em execução. A definição é movida (e os discos, com Copiar o armazenamento).</translation>
    </message>
    <message>
        <source>Offline: the running guest is not moved; only its definition (and its disks with Copy storage).</source>
        <translation>Offline: o convidado em execução não é movido; somente a definição (e os discos, com Copiar o armazenamento).</translation>
    </message>
    <message>
        <source>Choose a host…</source>
        <translation>Escolha um hospedeiro…</translation>
    </message>
    <message>
        <source>    %1 (checking…)</source>
        <translation>    %1 (verificando…)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Verificando %1…</translation>
    </message>
    <message>
        <source>    %1 (cannot take it)</source>
        <translation>    %1 (não pode recebê-la)</translation>
    </message>
    <message>
        <source>%1 is not connected</source>
        <translation>%1 não está conectado</translation>
    </message>
    <message>
        <source>“%1” can move to %2</source>
        <translation>“%1” pode ser movida para %2</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Cluster %1 (%2)</source>
        <translation>Cluster %1 (%2)</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>Sem cluster</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Can migrate</source>
        <translation>Pode migrar</translation>
    </message>
    <message>
        <source>Its disks are copied there (storage not shared).</source>
        <translation>Os discos dele são copiados para lá (armazenamento não compartilhado).</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>The disks of “%1” are not on %2: Copy storage copies them there.</source>
        <translation>Os discos de “%1” não estão em %2: Copiar o armazenamento os copia para lá.</translation>
    </message>
    <message>
        <source>Checking the hosts…</source>
        <translation>Verificando os hospedeiros…</translation>
    </message>
    <message>
        <source>Choose a host that can take “%1”</source>
        <translation>Escolha um hospedeiro que possa receber “%1”</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>Mover “%1” para %2</translation>
    </message>
    <message>
        <source>Migrating “%1” to %2…</source>
        <translation>Migrando “%1” para %2…</translation>
    </message>
    <message>
        <source>“%1” now runs on %2.</source>
        <translation>“%1” agora executa em %2.</translation>
    </message>
    <message>
        <source>Downtime: %1 ms.</source>
        <translation>Tempo de parada: %1 ms.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Cancelled: “%1” is still on %2.</source>
        <translation>Cancelado: “%1” continua em %2.</translation>
    </message>
    <message>
        <source>Cancelled: “%1” is still on %2. %3</source>
        <translation>Cancelado: “%1” continua em %2. %3</translation>
    </message>
    <message>
        <source>The migration of “%1” failed: %2</source>
        <translation>A migração de “%1” falhou: %2</translation>
    </message>
    <message>
        <source>Cancelling: “%1” stays on %2…</source>
        <translation>Cancelando: “%1” permanece em %2…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::MigrationHighlight</name>
    <message>
        <source>Checking whether “%1” can move here…</source>
        <translation>Verificando se “%1” pode ser movida para cá…</translation>
    </message>
    <message>
        <source>“%1” runs here</source>
        <translation>“%1” executa aqui</translation>
    </message>
    <message>
        <source>“%1” can move here</source>
        <translation>“%1” pode ser movida para cá</translation>
    </message>
    <message>
        <source>Its disks would be copied (storage not shared).</source>
        <translation>Os discos dela seriam copiados (armazenamento não compartilhado).</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>“%1” cannot move here:</source>
        <translation>“%1” não pode ser movida para cá:</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NetworksPage</name>
    <message>
        <source>&amp;New Network…</source>
        <translation>&amp;Nova rede…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>&amp;Autostart</source>
        <translation>Início &amp;automático</translation>
    </message>
    <message>
        <source>Start the network when the host starts</source>
        <translation>Iniciar a rede quando o hospedeiro iniciar</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Excluir…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;tualizar</translation>
    </message>
    <message>
        <source>Virtual networks</source>
        <translation>Redes virtuais</translation>
    </message>
    <message>
        <source>DHCP leases</source>
        <translation>Concessões DHCP</translation>
    </message>
    <message>
        <source>Delete Network</source>
        <translation>Excluir rede</translation>
    </message>
    <message>
        <source>The network “%1” is started.</source>
        <translation>A rede “%1” foi iniciada.</translation>
    </message>
    <message>
        <source>The network “%1” is stopped.</source>
        <translation>A rede “%1” foi parada.</translation>
    </message>
    <message>
        <source>The network “%1” starts with the host.</source>
        <translation>A rede “%1” inicia com o hospedeiro.</translation>
    </message>
    <message>
        <source>The network “%1” no longer starts with the host.</source>
        <translation>A rede “%1” não inicia mais com o hospedeiro.</translation>
    </message>
    <message>
        <source>The host is not connected.</source>
        <translation>O hospedeiro não está conectado.</translation>
    </message>
    <message>
        <source>DHCP leases of “%1”</source>
        <translation>Concessões DHCP de “%1”</translation>
    </message>
    <message>
        <source>Select a network to see its DHCP leases.</source>
        <translation>Selecione uma rede para ver suas concessões DHCP.</translation>
    </message>
    <message>
        <source>The network is not running.</source>
        <translation>A rede não está em execução.</translation>
    </message>
    <message>
        <source>The network has no DHCP range.</source>
        <translation>A rede não tem faixa DHCP.</translation>
    </message>
    <message>
        <source>No guest holds a lease yet.</source>
        <translation>Nenhum convidado tem concessão ainda.</translation>
    </message>
    <message>
        <source>The network “%1” is created and running.</source>
        <translation>A rede “%1” foi criada e está em execução.</translation>
    </message>
    <message>
        <source>The network “%1” is created.</source>
        <translation>A rede “%1” foi criada.</translation>
    </message>
    <message>
        <source>Delete the network “%1”? It is stopped first; VMs with a network card on it will not start until they are moved to another network.</source>
        <translation>Excluir a rede “%1”? Ela será parada antes; VMs com uma placa de rede nela não iniciarão até serem movidas para outra rede.</translation>
    </message>
    <message>
        <source>The network “%1” is deleted.</source>
        <translation>A rede “%1” foi excluída.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewDiskDialog</name>
    <message>
        <source>Add Disk to %1</source>
        <translation>Adicionar disco a %1</translation>
    </message>
    <message>
        <source>%1 is running (%2, %3): only interfaces that can be hot-plugged are offered. The disk is attached now and kept in its definition.</source>
        <translation>%1 está em execução (%2, %3): só são oferecidas interfaces que podem ser conectadas a quente. O disco é anexado agora e mantido na definição.</translation>
    </message>
    <message>
        <source>%1 is stopped (%2, %3): the disk is added to its definition and appears at the next start.</source>
        <translation>%1 está parada (%2, %3): o disco é adicionado à definição e aparece na próxima inicialização.</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamanho:</translation>
    </message>
    <message>
        <source>qcow2 (thin, snapshots)</source>
        <translation>qcow2 (alocação dinâmica, snapshots)</translation>
    </message>
    <message>
        <source>raw (fastest)</source>
        <translation>raw (mais rápido)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Anexar</translation>
    </message>
    <message>
        <source>The host's choices could not be read: %1</source>
        <translation>Não foi possível ler as opções do hospedeiro: %1</translation>
    </message>
    <message>
        <source>The host's storage could not be read: %1</source>
        <translation>Não foi possível ler o armazenamento do hospedeiro: %1</translation>
    </message>
    <message>
        <source>The VM's devices could not be read: %1</source>
        <translation>Não foi possível ler os dispositivos da VM: %1</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <source>Crossvirt does not know the %1 architecture.</source>
        <translation>O Crossvirt não conhece a arquitetura %1.</translation>
    </message>
    <message>
        <source>%1 on the %2 bus</source>
        <translation>%1 no barramento %2</translation>
    </message>
    <message>
        <source>%1 on the %2 bus; a %3 controller is added for it</source>
        <translation>%1 no barramento %2; um controlador %3 é adicionado para ele</translation>
    </message>
    <message>
        <source>Reading the VM and the host…</source>
        <translation>Lendo a VM e o hospedeiro…</translation>
    </message>
    <message>
        <source>The disk was not added. %1</source>
        <translation>O disco não foi adicionado. %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewNetworkDialog</name>
    <message>
        <source>New Network</source>
        <translation>Nova rede</translation>
    </message>
    <message>
        <source>NAT (guests reach out through the host)</source>
        <translation>NAT (os convidados acessam o exterior através do hospedeiro)</translation>
    </message>
    <message>
        <source>Routed (guests' subnet routed, no NAT)</source>
        <translation>Roteada (sub-rede dos convidados roteada, sem NAT)</translation>
    </message>
    <message>
        <source>Isolated (guests and host only)</source>
        <translation>Isolada (apenas convidados e hospedeiro)</translation>
    </message>
    <message>
        <source>Bridge (join an existing bridge of the host)</source>
        <translation>Bridge (conecta-se a uma bridge existente do hospedeiro)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>The network address and prefix; the host takes the first address.</source>
        <translation>O endereço e o prefixo da rede; o hospedeiro recebe o primeiro endereço.</translation>
    </message>
    <message>
        <source>IPv&amp;4 network:</source>
        <translation>Rede IPv&amp;4:</translation>
    </message>
    <message>
        <source>DHCP from</source>
        <translation>DHCP de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>&amp;DHCP:</source>
        <translation>&amp;DHCP:</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ativar</translation>
    </message>
    <message>
        <source>IPv&amp;6 network:</source>
        <translation>Rede IPv&amp;6:</translation>
    </message>
    <message>
        <source>optional, e.g. lab.example</source>
        <translation>opcional, ex.: lab.example</translation>
    </message>
    <message>
        <source>D&amp;omain name:</source>
        <translation>Nome de d&amp;omínio:</translation>
    </message>
    <message>
        <source>Start it now</source>
        <translation>Iniciá-la agora</translation>
    </message>
    <message>
        <source>Start it when the host starts (autostart)</source>
        <translation>Iniciá-la quando o hospedeiro iniciar (início automático)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
    </message>
    <message>
        <source>Host &amp;bridge:</source>
        <translation>&amp;Bridge do hospedeiro:</translation>
    </message>
    <message>
        <source>&amp;Bridge name:</source>
        <translation>Nome da &amp;bridge:</translation>
    </message>
    <message>
        <source>an existing bridge of the host, e.g. br0</source>
        <translation>uma bridge existente do hospedeiro, ex.: br0</translation>
    </message>
    <message>
        <source>optional; libvirt picks virbrN</source>
        <translation>opcional; o libvirt escolhe virbrN</translation>
    </message>
    <message>
        <source>Creating the network “%1”…</source>
        <translation>Criando a rede “%1”…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewPoolDialog</name>
    <message>
        <source>New Storage Pool</source>
        <translation>Novo pool de armazenamento</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>nfs.example.com</source>
        <translation>nfs.example.com</translation>
    </message>
    <message>
        <source>Source &amp;host:</source>
        <translation>&amp;Hospedeiro de origem:</translation>
    </message>
    <message>
        <source>/export/images</source>
        <translation>/export/images</translation>
    </message>
    <message>
        <source>Source &amp;path:</source>
        <translation>&amp;Caminho de origem:</translation>
    </message>
    <message>
        <source>Source &amp;device:</source>
        <translation>&amp;Dispositivo de origem:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Initialise the device (refused when it holds data)</source>
        <translation>Inicializar o dispositivo (recusado se contiver dados)</translation>
    </message>
    <message>
        <source>T&amp;arget path:</source>
        <translation>Caminho de d&amp;estino:</translation>
    </message>
    <message>
        <source>Start the pool when the host starts</source>
        <translation>Iniciar o pool quando o hospedeiro iniciar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>iqn.2024-01.com.example:disk1</source>
        <translation>iqn.2024-01.com.example:disk1</translation>
    </message>
    <message>
        <source>/dev/sdb</source>
        <translation>/dev/sdb</translation>
    </message>
    <message>
        <source>detect (auto)</source>
        <translation>detectar (auto)</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewVmDialog</name>
    <message>
        <source>New Virtual Machine</source>
        <translation>Nova máquina virtual</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
    </message>
    <message>
        <source>The guest OS list could not be read: %1</source>
        <translation>Não foi possível ler a lista de sistemas operacionais convidados: %1</translation>
    </message>
    <message>
        <source>Cluster %1 (%2)</source>
        <translation>Cluster %1 (%2)</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Hospedeiro %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Fixed by the cluster.</source>
        <translation>Definido pelo cluster.</translation>
    </message>
    <message>
        <source>%1 (%2), emulated</source>
        <translation>%1 (%2), emulado</translation>
    </message>
    <message>
        <source>Arches this host runs natively come first; the others it can only emulate (much slower).</source>
        <translation>As arquiteturas que este hospedeiro executa nativamente vêm primeiro; as outras ele só pode emular (bem mais lento).</translation>
    </message>
    <message>
        <source>The host is not connected, so its arches are unknown.</source>
        <translation>O hospedeiro não está conectado, por isso as arquiteturas dele são desconhecidas.</translation>
    </message>
    <message>
        <source>%1 guest memory goes in %2 MiB steps.</source>
        <translation>A memória de convidados %1 varia em incrementos de %2 MiB.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (native)</source>
        <translation>%1 (nativo)</translation>
    </message>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1 (emulado)</translation>
    </message>
    <message>
        <source>The cluster has no connected host.</source>
        <translation>O cluster não tem hospedeiro conectado.</translation>
    </message>
    <message>
        <source>Not offered: %1</source>
        <translation>Não oferecidos: %1</translation>
    </message>
    <message>
        <source>The host's storage could not be read: %1</source>
        <translation>Não foi possível ler o armazenamento do hospedeiro: %1</translation>
    </message>
    <message>
        <source>The host's capabilities could not be read: %1</source>
        <translation>Não foi possível ler as capacidades do hospedeiro: %1</translation>
    </message>
    <message>
        <source>Hypervisor default</source>
        <translation>Padrão do hipervisor</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <source>%1 (pool %2)</source>
        <translation>%1 (pool %2)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inativo)</translation>
    </message>
    <message>
        <source>Choose a connected host or a cluster with one.</source>
        <translation>Escolha um hospedeiro conectado ou um cluster que tenha um.</translation>
    </message>
    <message>
        <source>Runs on %1 natively (KVM): a %2 host running a %3 guest.</source>
        <translation>Executa em %1 nativamente (KVM): um hospedeiro %2 executando um convidado %3.</translation>
    </message>
    <message>
        <source>Runs on %1 emulated (TCG): a %2 host emulating a %3 guest, much slower than native.</source>
        <translation>Executa em %1 de forma emulada (TCG): um hospedeiro %2 emulando um convidado %3, bem mais lento que o nativo.</translation>
    </message>
    <message>
        <source>Fix these first:
%1</source>
        <translation>Corrija isto primeiro:
%1</translation>
    </message>
    <message>
        <source>Reading the host's choices…</source>
        <translation>Lendo as opções do hospedeiro…</translation>
    </message>
    <message>
        <source>Creating and starting %1…</source>
        <translation>Criando e iniciando %1…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>Criando %1…</translation>
    </message>
    <message>
        <source>The VM was not created. %1
Anything created before this step was removed.</source>
        <translation>A VM não foi criada. %1
Tudo o que foi criado antes desta etapa foi removido.</translation>
    </message>
    <message>
        <source>Reading the hosts' capabilities…</source>
        <translation>Lendo as capacidades dos hospedeiros…</translation>
    </message>
    <message>
        <source>Hard disk (%1)</source>
        <translation>Disco rígido (%1)</translation>
    </message>
    <message>
        <source>CD-ROM (%1)</source>
        <translation>CD-ROM (%1)</translation>
    </message>
    <message>
        <source>Network boot (PXE) from the network card (%1)</source>
        <translation>Inicialização pela rede (PXE) a partir da placa de rede (%1)</translation>
    </message>
    <message>
        <source>Creating the default NAT network…</source>
        <translation>Criando a rede NAT padrão…</translation>
    </message>
    <message>
        <source>This host has no virtual network yet.</source>
        <translation>Este hospedeiro ainda não tem rede virtual.</translation>
    </message>
    <message>
        <source>This host has no network called “default”.</source>
        <translation>Este hospedeiro não tem uma rede chamada “default”.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewVmFromTemplate</name>
    <message>
        <source>The host's capabilities could not be read: %1</source>
        <translation>Não foi possível ler as capacidades do hospedeiro: %1</translation>
    </message>
    <message>
        <source>The host's storage could not be read: %1</source>
        <translation>Não foi possível ler o armazenamento do hospedeiro: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>for %1 guests; this cluster runs %2 guests</source>
        <translation>para convidados %1; este cluster executa convidados %2</translation>
    </message>
    <message>
        <source>choose a cluster or a host first</source>
        <translation>escolha primeiro um cluster ou um hospedeiro</translation>
    </message>
    <message>
        <source>%1 is not connected</source>
        <translation>%1 não está conectado</translation>
    </message>
    <message>
        <source>for %1 guests; %2 cannot run them</source>
        <translation>para convidados %1; %2 não pode executá-los</translation>
    </message>
    <message>
        <source>Not offered: %1</source>
        <translation>Não oferecido: %1</translation>
    </message>
    <message>
        <source>Reading the templates of the connected hosts…</source>
        <translation>Lendo os modelos dos hospedeiros conectados…</translation>
    </message>
    <message>
        <source>No connected host has a template. Make one from a shut-off VM with Virtual Machine › Make Template…</source>
        <translation>Nenhum hospedeiro conectado tem um modelo. Crie um a partir de uma VM desligada com Máquina virtual › Transformar em modelo…</translation>
    </message>
    <message>
        <source>Templates greyed out are not offered here; the reason is beside each.</source>
        <translation>Os modelos em cinza não são oferecidos aqui; o motivo aparece ao lado de cada um.</translation>
    </message>
    <message>
        <source>Templates could not be listed on %1</source>
        <translation>Não foi possível listar os modelos em %1</translation>
    </message>
    <message>
        <source>%1 (%2 on %3): %4</source>
        <translation>%1 (%2 em %3): %4</translation>
    </message>
    <message>
        <source>%1 (native)</source>
        <translation>%1 (nativo)</translation>
    </message>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1 (emulado)</translation>
    </message>
    <message>
        <source>Reading the hosts' capabilities…</source>
        <translation>Lendo as capacidades dos hospedeiros…</translation>
    </message>
    <message>
        <source>The cluster has no connected host.</source>
        <translation>O cluster não tem nenhum hospedeiro conectado.</translation>
    </message>
    <message>
        <source>Overlays are withheld: they are backed by the template's volumes, which are on %1 only. Other hosts get full copies.</source>
        <translation>Os overlays estão indisponíveis: eles se baseiam nos volumes do modelo, que estão apenas em %1. Os outros hospedeiros recebem cópias completas.</translation>
    </message>
    <message>
        <source>Overlays are made at once and stay small, but need the template's volumes for as long as the VM exists.</source>
        <translation>Os overlays são criados na hora e continuam pequenos, mas precisam dos volumes do modelo enquanto a VM existir.</translation>
    </message>
    <message>
        <source>Enter a name for the VM.</source>
        <translation>Digite um nome para a VM.</translation>
    </message>
    <message>
        <source>%1 runs on %2 natively (KVM): a %3 host running a %4 guest.</source>
        <translation>%1 é executada em %2 nativamente (KVM): um hospedeiro %3 executando um convidado %4.</translation>
    </message>
    <message>
        <source>%1 runs on %2 emulated (TCG): a %3 host emulating a %4 guest, much slower than native.</source>
        <translation>%1 é executada em %2 de forma emulada (TCG): um hospedeiro %3 emulando um convidado %4, bem mais lento que a execução nativa.</translation>
    </message>
    <message>
        <source>Reading the host's choices…</source>
        <translation>Lendo as opções do hospedeiro…</translation>
    </message>
    <message>
        <source>Nothing will be made until these are fixed:</source>
        <translation>Nada será criado até que estes problemas sejam corrigidos:</translation>
    </message>
    <message>
        <source>  • %1</source>
        <translation>  • %1</translation>
    </message>
    <message>
        <source>The template %1 (%2):</source>
        <translation>O modelo %1 (%2):</translation>
    </message>
    <message>
        <source>  %1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>VM %1 from template %2 (%3)</source>
        <translation>VM %1 a partir do modelo %2 (%3)</translation>
    </message>
    <message>
        <source>  %1: full copy of %2 (%3) as %4 in pool %5</source>
        <translation>  %1: cópia completa de %2 (%3) como %4 no pool %5</translation>
    </message>
    <message>
        <source>  %1: overlay %2 in pool %3 on the template's %4</source>
        <translation>  %1: overlay %2 no pool %3 sobre %4 do modelo</translation>
    </message>
    <message>
        <source>  Started once it is created.</source>
        <translation>  Iniciada logo após ser criada.</translation>
    </message>
    <message>
        <source>  Left shut off once it is created.</source>
        <translation>  Mantida desligada após ser criada.</translation>
    </message>
    <message>
        <source>Domain XML:</source>
        <translation>XML do domínio:</translation>
    </message>
    <message>
        <source>The VM cannot be made; the problems are listed below.</source>
        <translation>A VM não pode ser criada; os problemas estão listados abaixo.</translation>
    </message>
    <message>
        <source>The template's host or the target host is no longer connected.</source>
        <translation>O hospedeiro do modelo ou o hospedeiro de destino não está mais conectado.</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>Criando %1…</translation>
    </message>
    <message>
        <source>Created and started %1.</source>
        <translation>%1 criada e iniciada.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 criada.</translation>
    </message>
    <message>
        <source>Cancelled; what was made was removed.</source>
        <translation>Cancelado; o que havia sido criado foi removido.</translation>
    </message>
    <message>
        <source>The VM was not created. %1
Anything created before this step was removed.</source>
        <translation>A VM não foi criada. %1
Tudo o que foi criado antes desta etapa foi removido.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::NewVmPoolDialog</name>
    <message>
        <source>New VM Pool</source>
        <translation>Novo pool de VMs</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Arch</source>
        <translation>Arquitetura</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>e.g. web</source>
        <translation>ex.: web</translation>
    </message>
    <message>
        <source>Pool &amp;name:</source>
        <translation>&amp;Nome do pool:</translation>
    </message>
    <message>
        <source>e.g. web-%02d</source>
        <translation>ex.: web-%02d</translation>
    </message>
    <message>
        <source>One number conversion: %d, %02d or %3d (%% for a percent sign).</source>
        <translation>Uma conversão numérica: %d, %02d ou %3d (%% para um sinal de porcentagem).</translation>
    </message>
    <message>
        <source>VM &amp;names:</source>
        <translation>Nomes das &amp;VMs:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Quantidade:</translation>
    </message>
    <message>
        <source>&amp;Place in:</source>
        <translation>Co&amp;locar em:</translation>
    </message>
    <message>
        <source>&amp;Overlays on the template's volumes</source>
        <translation>&amp;Overlays sobre os volumes do modelo</translation>
    </message>
    <message>
        <source>&amp;Full copies</source>
        <translation>Có&amp;pias completas</translation>
    </message>
    <message>
        <source>Overlays only on the template's host; the other hosts always get full copies.</source>
        <translation>Overlays apenas no hospedeiro do modelo; os outros hospedeiros sempre recebem cópias completas.</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>Discos:</translation>
    </message>
    <message>
        <source>&amp;Start the VMs after creating them</source>
        <translation>&amp;Iniciar as VMs após criá-las</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Posicionamento</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hospedeiro</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Discos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Progresso geral</translation>
    </message>
    <message>
        <source>&amp;Create Pool</source>
        <translation>&amp;Criar pool</translation>
    </message>
    <message>
        <source>Reading the templates of the connected hosts…</source>
        <translation>Lendo os modelos dos hospedeiros conectados…</translation>
    </message>
    <message>
        <source>No connected host has a template. Make one from a shut-off VM with Virtual Machine › Make Template…</source>
        <translation>Nenhum hospedeiro conectado tem um modelo. Crie um a partir de uma VM desligada com Máquina virtual › Transformar em modelo…</translation>
    </message>
    <message>
        <source>Templates could not be listed on %1</source>
        <translation>Não foi possível listar os modelos em %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>runs %1 guests; the template is %2</source>
        <translation>executa convidados %1; o modelo é %2</translation>
    </message>
    <message>
        <source>Cluster %1 (%2)</source>
        <translation>Cluster %1 (%2)</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>não conectado</translation>
    </message>
    <message>
        <source>cannot run %1 guests</source>
        <translation>não pode executar convidados %1</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Hospedeiro %1</translation>
    </message>
    <message>
        <source>Not offered: %1</source>
        <translation>Não oferecido: %1</translation>
    </message>
    <message>
        <source>%1: not connected</source>
        <translation>%1: não conectado</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Enter a name for the pool.</source>
        <translation>Digite um nome para o pool.</translation>
    </message>
    <message>
        <source>native (KVM)</source>
        <translation>nativo (KVM)</translation>
    </message>
    <message>
        <source>emulated (TCG)</source>
        <translation>emulado (TCG)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>full copies</source>
        <translation>cópias completas</translation>
    </message>
    <message>
        <source>overlays</source>
        <translation>overlays</translation>
    </message>
    <message>
        <source>To be created</source>
        <translation>A criar</translation>
    </message>
    <message>
        <source>Hosts not used: %1</source>
        <translation>Hospedeiros não usados: %1</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Escolha um modelo.</translation>
    </message>
    <message>
        <source>No cluster or host runs %1 guests.</source>
        <translation>Nenhum cluster ou hospedeiro executa convidados %1.</translation>
    </message>
    <message>
        <source>Reading the hosts' capabilities and storage…</source>
        <translation>Lendo as capacidades e o armazenamento dos hospedeiros…</translation>
    </message>
    <message>
        <source>VMs to create: %1.</source>
        <translation>VMs a criar: %1.</translation>
    </message>
    <message>
        <source>%v of %m VMs</source>
        <translation>%v de %m VMs</translation>
    </message>
    <message>
        <source>Creating the pool %1…</source>
        <translation>Criando o pool %1…</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Aguardando…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>Created all %1 VMs of the pool.</source>
        <translation>Todas as %1 VMs do pool foram criadas.</translation>
    </message>
    <message>
        <source>Created %1 of %2 VMs; %3 failed (see their rows).</source>
        <translation>%1 de %2 VMs criadas; %3 falharam (veja as linhas correspondentes).</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Cancelling: VMs already made stay…</source>
        <translation>Cancelando: as VMs já criadas permanecem…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::OverviewPage</name>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Arquitetura:</translation>
    </message>
    <message>
        <source>Machine type:</source>
        <translation>Tipo de máquina:</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>vCPUs:</source>
        <translation>vCPUs:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Memória:</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Firmware:</translation>
    </message>
    <message>
        <source>Graphics:</source>
        <translation>Gráficos:</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Vídeo:</translation>
    </message>
    <message>
        <source>Consoles:</source>
        <translation>Consoles:</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Discos</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Barramento</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>Interfaces de rede</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Endereço MAC</translation>
    </message>
    <message>
        <source>%1, emulated (TCG) on this %2 host</source>
        <translation>%1, emulado (TCG) neste hospedeiro %2</translation>
    </message>
    <message>
        <source>%1, native (KVM)</source>
        <translation>%1, nativo (KVM)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
    </message>
    <message>
        <source>hypervisor default</source>
        <translation>padrão do hipervisor</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>default (BIOS or platform firmware)</source>
        <translation>padrão (BIOS ou firmware da plataforma)</translation>
    </message>
    <message>
        <source> on %1:%2</source>
        <translation> em %1:%2</translation>
    </message>
    <message>
        <source>none (headless)</source>
        <translation>nenhum (sem tela)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>Endereços IP</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>nenhum ainda</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lendo…</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>não está em execução</translation>
    </message>
    <message>
        <source>Made from:</source>
        <translation>Criada a partir de:</translation>
    </message>
    <message>
        <source>VM pool:</source>
        <translation>Pool de VMs:</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>modelo %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::OverviewSection</name>
    <message>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <source>Basic details</source>
        <translation>Detalhes básicos</translation>
    </message>
    <message>
        <source>A short title shown next to the name</source>
        <translation>Um título curto exibido ao lado do nome</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descrição:</translation>
    </message>
    <message>
        <source>Hypervisor details</source>
        <translation>Detalhes do hypervisor</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Arquitetura:</translation>
    </message>
    <message>
        <source>Machine type:</source>
        <translation>Tipo de máquina:</translation>
    </message>
    <message>
        <source>Emulator:</source>
        <translation>Emulador:</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Firmware:</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em execução</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Desligada</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, native (KVM)</source>
        <translation>%1, nativo (KVM)</translation>
    </message>
    <message>
        <source>%1, emulated (TCG)</source>
        <translation>%1, emulado (TCG)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
    </message>
    <message>
        <source>the host's default</source>
        <translation>o padrão do hospedeiro</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>the architecture's default</source>
        <translation>o padrão da arquitetura</translation>
    </message>
    <message>
        <source>A running virtual machine cannot be renamed: shut it down first</source>
        <translation>Uma máquina virtual em execução não pode ser renomeada: desligue-a primeiro</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::RemoveDeviceDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>Remove Device from %1</source>
        <translation>Remover dispositivo de %1</translation>
    </message>
    <message>
        <source>%1 has no device %2.</source>
        <translation>%1 não tem o dispositivo %2.</translation>
    </message>
    <message>
        <source>It may have been removed already: reload the VM's details.</source>
        <translation>Talvez ele já tenha sido removido: recarregue os detalhes da VM.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remover %1</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from %3?</source>
        <translation>Remover %1 (%2) de %3?</translation>
    </message>
    <message>
        <source>Remove %1 on %2 from %3?</source>
        <translation>Remover %1 em %2 de %3?</translation>
    </message>
    <message>
        <source>Remove %1 from %2?</source>
        <translation>Remover %1 de %2?</translation>
    </message>
    <message>
        <source>The volume itself is kept: removing a disk never deletes its volume. Delete it from the host's Storage tab if no longer needed.</source>
        <translation>O volume em si é mantido: remover um disco nunca exclui seu volume. Exclua-o na aba Armazenamento do hospedeiro se não for mais necessário.</translation>
    </message>
    <message>
        <source>The ISO image itself is kept.</source>
        <translation>A imagem ISO em si é mantida.</translation>
    </message>
    <message>
        <source>It cannot be removed.</source>
        <translation>Ele não pode ser removido.</translation>
    </message>
    <message>
        <source>It cannot be removed: %1</source>
        <translation>Ele não pode ser removido: %1</translation>
    </message>
    <message>
        <source>It is removed from the running guest now and from its definition.</source>
        <translation>Ele é removido do convidado em execução agora e da sua definição.</translation>
    </message>
    <message>
        <source>It is removed at the next boot: %1</source>
        <translation>Ele é removido na próxima inicialização: %1</translation>
    </message>
    <message>
        <source>It is removed at the next boot.</source>
        <translation>Ele é removido na próxima inicialização.</translation>
    </message>
    <message>
        <source>It is removed from the definition: %1 no longer has it at its next start.</source>
        <translation>Ele é removido da definição: %1 não o terá mais na próxima inicialização.</translation>
    </message>
    <message>
        <source>%1, now</source>
        <translation>%1, agora</translation>
    </message>
    <message>
        <source>%1, at the next boot</source>
        <translation>%1, na próxima inicialização</translation>
    </message>
    <message>
        <source>The device was not removed. %1</source>
        <translation>O dispositivo não foi removido. %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::ScreenshotConsole</name>
    <message>
        <source>Screenshot of the virtual machine</source>
        <translation>Captura de tela da máquina virtual</translation>
    </message>
    <message numerus="yes">
        <source>This host's driver gives no live console; showing a screenshot, refreshed every %n s.</source>
        <translation>
            <numerusform>O driver deste hospedeiro não oferece console ao vivo; exibindo uma captura de tela, atualizada a cada %n s.</numerusform>
            <numerusform>O driver deste hospedeiro não oferece console ao vivo; exibindo uma captura de tela, atualizada a cada %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crossvirt::views::SerialTerminal</name>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <source>Connected to the serial console. Keys typed here go to the guest.</source>
        <translation>Conectado ao console serial. As teclas digitadas aqui vão para o convidado.</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Desconectado.</translation>
    </message>
    <message>
        <source>Opening the serial console…</source>
        <translation>Abrindo o console serial…</translation>
    </message>
    <message>
        <source>Serial console</source>
        <translation>Console serial</translation>
    </message>
    <message>
        <source>What the guest prints on its serial console; typing sends keys</source>
        <translation>O que o convidado imprime no console serial; digitar envia teclas</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::SnapshotsPage</name>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tirado em</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Why an action is not available</source>
        <translation>Por que uma ação não está disponível</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>O que falhou</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Processando</translation>
    </message>
    <message>
        <source>&amp;Take…</source>
        <translation>&amp;Tirar…</translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation>Re&amp;verter…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Excluir…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>Take a snapshot</source>
        <translation>Tirar um snapshot</translation>
    </message>
    <message>
        <source>Revert to the selected snapshot</source>
        <translation>Reverter para o snapshot selecionado</translation>
    </message>
    <message>
        <source>Delete the selected snapshot</source>
        <translation>Excluir o snapshot selecionado</translation>
    </message>
    <message>
        <source>Read the snapshots again</source>
        <translation>Ler os snapshots novamente</translation>
    </message>
    <message>
        <source>Reading the snapshots…</source>
        <translation>Lendo os snapshots…</translation>
    </message>
    <message>
        <source>the virtual machine</source>
        <translation>a máquina virtual</translation>
    </message>
    <message>
        <source>Could not read the snapshots of “%1”: %2</source>
        <translation>Não foi possível ler os snapshots de “%1”: %2</translation>
    </message>
    <message>
        <source>“%1” is running and has no snapshots.</source>
        <translation>“%1” está em execução e não tem snapshots.</translation>
    </message>
    <message>
        <source>“%1” is shut off and has no snapshots.</source>
        <translation>“%1” está desligada e não tem snapshots.</translation>
    </message>
    <message>
        <source>No snapshots yet.

A snapshot keeps this point of “%1”: its disks, and its memory when it runs. Click Take… below (or Snapshot ▸ Take Snapshot… in the main window) to take one; you can revert to it later.</source>
        <translation>Nenhum snapshot ainda.

Um snapshot guarda este ponto de “%1”: os discos e, quando em execução, a memória. Clique em Tirar… abaixo (ou em Snapshot ▸ Tirar snapshot… na janela principal) para tirar um; você poderá reverter para ele depois.</translation>
    </message>
    <message>
        <source>One snapshot of “%1”</source>
        <translation>Um snapshot de “%1”</translation>
    </message>
    <message>
        <source>%1 snapshots of “%2”</source>
        <translation>%1 snapshots de “%2”</translation>
    </message>
    <message>
        <source>%1; none is current.</source>
        <translation>%1; nenhum é o atual.</translation>
    </message>
    <message>
        <source>%1; the current one (the guest's starting point) is “%2”.</source>
        <translation>%1; o atual (o ponto de partida do convidado) é “%2”.</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (atual)</translation>
    </message>
    <message>
        <source>“%1” is the current snapshot: the guest's disks continue from it</source>
        <translation>“%1” é o snapshot atual: os discos do convidado continuam a partir dele</translation>
    </message>
    <message>
        <source>The snapshots could not be read</source>
        <translation>Não foi possível ler os snapshots</translation>
    </message>
    <message>
        <source>No snapshot can be taken now: %1</source>
        <translation>Nenhum snapshot pode ser tirado agora: %1</translation>
    </message>
    <message>
        <source>Take a snapshot of “%1”</source>
        <translation>Tirar um snapshot de “%1”</translation>
    </message>
    <message>
        <source>Select a snapshot first</source>
        <translation>Selecione um snapshot primeiro</translation>
    </message>
    <message>
        <source>Select a snapshot to revert to it or delete it.</source>
        <translation>Selecione um snapshot para reverter para ele ou excluí-lo.</translation>
    </message>
    <message>
        <source>Bring “%1” back to “%2”</source>
        <translation>Trazer “%1” de volta para “%2”</translation>
    </message>
    <message>
        <source>Revert: %1</source>
        <translation>Reverter: %1</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Excluir “%1”</translation>
    </message>
    <message>
        <source>Delete: only with its later snapshots: %1</source>
        <translation>Excluir: somente com os snapshots posteriores: %1</translation>
    </message>
    <message>
        <source>Delete: %1</source>
        <translation>Excluir: %1</translation>
    </message>
    <message>
        <source>Revert to Snapshot</source>
        <translation>Reverter para snapshot</translation>
    </message>
    <message>
        <source>Revert “%1” to “%2”?</source>
        <translation>Reverter “%1” para “%2”?</translation>
    </message>
    <message>
        <source>Its current disks and memory are replaced by the snapshot's: whatever changed since “%1” was taken is lost. The guest then runs from that point.</source>
        <translation>Os discos e a memória atuais são substituídos pelos do snapshot: tudo o que mudou desde que “%1” foi tirado é perdido. O convidado então executa a partir desse ponto.</translation>
    </message>
    <message>
        <source>Its current disks and memory are replaced by the snapshot's disks: whatever changed since “%1” was taken is lost. The guest is then shut off.</source>
        <translation>Os discos e a memória atuais são substituídos pelos discos do snapshot: tudo o que mudou desde que “%1” foi tirado é perdido. O convidado fica então desligado.</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Reverter</translation>
    </message>
    <message>
        <source>Reverting “%1” to “%2”…</source>
        <translation>Revertendo “%1” para “%2”…</translation>
    </message>
    <message>
        <source>Could not revert “%1” to “%2”: %3</source>
        <translation>Não foi possível reverter “%1” para “%2”: %3</translation>
    </message>
    <message>
        <source>Delete Snapshot</source>
        <translation>Excluir snapshot</translation>
    </message>
    <message>
        <source>Delete the snapshot “%1” of “%2”?</source>
        <translation>Excluir o snapshot “%1” de “%2”?</translation>
    </message>
    <message>
        <source>The virtual machine as it is now stays; only the way back to “%1” is gone.</source>
        <translation>A máquina virtual como está agora permanece; apenas o caminho de volta para “%1” deixa de existir.</translation>
    </message>
    <message>
        <source>The virtual machine as it is now stays. Its later snapshots stay too unless you tick the box.</source>
        <translation>A máquina virtual como está agora permanece. Os snapshots posteriores também permanecem, a menos que você marque a caixa.</translation>
    </message>
    <message>
        <source>Also delete its later snapshot %1</source>
        <translation>Excluir também o snapshot posterior %1</translation>
    </message>
    <message>
        <source>Also delete its %1 later snapshots: %2</source>
        <translation>Excluir também os %1 snapshots posteriores: %2</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Excluir</translation>
    </message>
    <message>
        <source>Deleting “%1” and its later snapshots…</source>
        <translation>Excluindo “%1” e os snapshots posteriores…</translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation>Excluindo “%1”…</translation>
    </message>
    <message>
        <source>Could not delete the snapshot “%1” of “%2”: %3</source>
        <translation>Não foi possível excluir o snapshot “%1” de “%2”: %3</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::StatsPreferencesDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>CPU use</source>
        <translation>Uso de CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>E/S de disco</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>E/S de rede</translation>
    </message>
    <message>
        <source>Collect:</source>
        <translation>Coletar:</translation>
    </message>
    <message>
        <source>Disk and network statistics are collected only for virtual machines whose Performance page is open.</source>
        <translation>As estatísticas de disco e de rede são coletadas apenas para máquinas virtuais cuja página Desempenho esteja aberta.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Same as the desktop</source>
        <translation>Igual ao da área de trabalho</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Colours of every Crossvirt window</source>
        <translation>Cores de todas as janelas do Crossvirt</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>How often statistics are read from each host</source>
        <translation>Com que frequência as estatísticas são lidas de cada hospedeiro</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>&amp;Consultar a cada:</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::StoragePage</name>
    <message>
        <source>New Pool…</source>
        <translation>Novo pool…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Início automático</translation>
    </message>
    <message>
        <source>Start the pool when the host starts</source>
        <translation>Iniciar o pool quando o hospedeiro iniciar</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Read the pool's volumes from disk again</source>
        <translation>Ler novamente do disco os volumes do pool</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <source>New Volume…</source>
        <translation>Novo volume…</translation>
    </message>
    <message>
        <source>Resize…</source>
        <translation>Redimensionar…</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>Clonar…</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>Enviar…</translation>
    </message>
    <message>
        <source>Upload a local file (an ISO or a disk image) as a new volume</source>
        <translation>Enviar um arquivo local (uma ISO ou uma imagem de disco) como um novo volume</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Baixar…</translation>
    </message>
    <message>
        <source>Save the volume to a local file</source>
        <translation>Salvar o volume em um arquivo local</translation>
    </message>
    <message>
        <source>Storage pools</source>
        <translation>Pools de armazenamento</translation>
    </message>
    <message>
        <source>Volumes of the selected pool</source>
        <translation>Volumes do pool selecionado</translation>
    </message>
    <message>
        <source>Delete the volume</source>
        <translation>Excluir o volume</translation>
    </message>
    <message>
        <source>Delete Volume</source>
        <translation>Excluir volume</translation>
    </message>
    <message>
        <source>Delete the volume “%1” of the pool “%2”? Its data cannot be recovered.</source>
        <translation>Excluir o volume “%1” do pool “%2”? Os dados dele não poderão ser recuperados.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::TakeSnapshotDialog</name>
    <message>
        <source>Take Snapshot of %1</source>
        <translation>Tirar snapshot de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take a snapshot of “%1”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tirar um snapshot de “%1”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading “%1”, its disks and what its host allows…</source>
        <translation>Lendo “%1”, os discos dela e o que o hospedeiro permite…</translation>
    </message>
    <message>
        <source>Why the snapshot cannot be taken</source>
        <translation>Por que o snapshot não pode ser tirado</translation>
    </message>
    <message>
        <source>Taking the snapshot</source>
        <translation>Tirando o snapshot</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot</source>
        <translation>&amp;Tirar snapshot</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Não foi possível ler “%1”: %2</translation>
    </message>
    <message>
        <source>Snapshot name</source>
        <translation>Nome do snapshot</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Snapshot description</source>
        <translation>Descrição do snapshot</translation>
    </message>
    <message>
        <source>What this point is, e.g. “before the upgrade”</source>
        <translation>O que é este ponto, p. ex. “antes da atualização”</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>What to save</source>
        <translation>O que salvar</translation>
    </message>
    <message>
        <source>Note on internal snapshots</source>
        <translation>Observação sobre snapshots internos</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take a snapshot of “%1”&lt;/b&gt;, which is running</source>
        <translation>&lt;b&gt;Tirar um snapshot de “%1”&lt;/b&gt;, que está em execução</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take a snapshot of “%1”&lt;/b&gt;, which is shut off</source>
        <translation>&lt;b&gt;Tirar um snapshot de “%1”&lt;/b&gt;, que está desligada</translation>
    </message>
    <message>
        <source>&amp;Internal (with memory)</source>
        <translation>&amp;Interno (com memória)</translation>
    </message>
    <message>
        <source>&amp;Internal</source>
        <translation>&amp;Interno</translation>
    </message>
    <message>
        <source>The disks and the memory, inside the qcow2 disk files: a revert brings the guest back running at this point</source>
        <translation>Os discos e a memória, dentro dos arquivos de disco qcow2: uma reversão traz o convidado de volta em execução neste ponto</translation>
    </message>
    <message>
        <source>The disks, inside the qcow2 disk files</source>
        <translation>Os discos, dentro dos arquivos de disco qcow2</translation>
    </message>
    <message>
        <source>External &amp;with memory</source>
        <translation>Externo &amp;com memória</translation>
    </message>
    <message>
        <source>New overlay files take the disks' writes from now on; the memory is saved to a file beside the first disk</source>
        <translation>Novos arquivos de sobreposição recebem as gravações dos discos a partir de agora; a memória é salva em um arquivo ao lado do primeiro disco</translation>
    </message>
    <message>
        <source>&amp;External, disks only</source>
        <translation>&amp;Externo, somente discos</translation>
    </message>
    <message>
        <source>&amp;External</source>
        <translation>&amp;Externo</translation>
    </message>
    <message>
        <source>New overlay files take the disks' writes from now on; the memory is not saved (a revert starts the guest from its disks)</source>
        <translation>Novos arquivos de sobreposição recebem as gravações dos discos a partir de agora; a memória não é salva (uma reversão inicia o convidado a partir dos discos)</translation>
    </message>
    <message>
        <source>No snapshot of “%1” can be taken now: %2</source>
        <translation>Nenhum snapshot de “%1” pode ser tirado agora: %2</translation>
    </message>
    <message>
        <source>see the reason beside each way</source>
        <translation>veja o motivo ao lado de cada opção</translation>
    </message>
    <message>
        <source>Choose what to save</source>
        <translation>Escolha o que salvar</translation>
    </message>
    <message>
        <source>Take the snapshot “%1”</source>
        <translation>Tirar o snapshot “%1”</translation>
    </message>
    <message>
        <source>Could not take the snapshot “%1”: the host is not connected</source>
        <translation>Não foi possível tirar o snapshot “%1”: o hospedeiro não está conectado</translation>
    </message>
    <message>
        <source>Taking the external snapshot “%1” of “%2”…</source>
        <translation>Tirando o snapshot externo “%1” de “%2”…</translation>
    </message>
    <message>
        <source>Taking the snapshot “%1” of “%2”…</source>
        <translation>Tirando o snapshot “%1” de “%2”…</translation>
    </message>
    <message>
        <source>Could not take the snapshot “%1” of “%2”: %3</source>
        <translation>Não foi possível tirar o snapshot “%1” de “%2”: %3</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::TemplateListing</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::TimeSeriesChart</name>
    <message>
        <source>hh:mm:ss</source>
        <comment>time axis label format</comment>
        <translation>hh:mm:ss</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::TransferDialog</name>
    <message>
        <source>Upload to %1</source>
        <translation>Enviar para %1</translation>
    </message>
    <message>
        <source>Download from %1</source>
        <translation>Baixar de %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>An ISO or disk image on this computer</source>
        <translation>Uma ISO ou imagem de disco neste computador</translation>
    </message>
    <message>
        <source>Local &amp;file:</source>
        <translation>&amp;Arquivo local:</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>Name of the new volume</source>
        <translation>Nome do novo volume</translation>
    </message>
    <message>
        <source>&amp;Volume name:</source>
        <translation>Nome do &amp;volume:</translation>
    </message>
    <message>
        <source>Automatic (from the file)</source>
        <translation>Automático (a partir do arquivo)</translation>
    </message>
    <message>
        <source>ISO image</source>
        <translation>Imagem ISO</translation>
    </message>
    <message>
        <source>qcow2</source>
        <translation>qcow2</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormato:</translation>
    </message>
    <message>
        <source>%1 in pool %2</source>
        <translation>%1 no pool %2</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Salvar &amp;como:</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Baixar</translation>
    </message>
    <message>
        <source>Reading the host's storage pools…</source>
        <translation>Lendo os pools de armazenamento do hospedeiro…</translation>
    </message>
    <message>
        <source>The host's storage could not be read: %1</source>
        <translation>Não foi possível ler o armazenamento do hospedeiro: %1</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>o hospedeiro</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <source>Disk images (*.iso *.qcow2 *.img *.raw)</source>
        <translation>Imagens de disco (*.iso *.qcow2 *.img *.raw)</translation>
    </message>
    <message>
        <source>ISO images (*.iso)</source>
        <translation>Imagens ISO (*.iso)</translation>
    </message>
    <message>
        <source>qcow2 images (*.qcow2)</source>
        <translation>Imagens qcow2 (*.qcow2)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Choose the file to upload</source>
        <translation>Escolha o arquivo a enviar</translation>
    </message>
    <message>
        <source>Save the volume as</source>
        <translation>Salvar o volume como</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>O arquivo “%1” não existe.</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>“%1” não é um arquivo.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation>Não é possível ler o arquivo “%1”.</translation>
    </message>
    <message>
        <source>The host has no active storage pool.</source>
        <translation>O hospedeiro não tem nenhum pool de armazenamento ativo.</translation>
    </message>
    <message>
        <source>The file (%1) is larger than the pool's free space (%2).</source>
        <translation>O arquivo (%1) é maior que o espaço livre do pool (%2).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Creating the volume %1…</source>
        <translation>Criando o volume %1…</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Substituir o arquivo?</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it with the volume %2?</source>
        <translation>“%1” já existe. Substituí-lo pelo volume %2?</translation>
    </message>
    <message>
        <source>Starting the download…</source>
        <translation>Iniciando o download…</translation>
    </message>
    <message>
        <source> (%1/s)</source>
        <translation> (%1/s)</translation>
    </message>
    <message>
        <source>Uploaded %1 to the volume %2 in pool %3 in %4 s%5.</source>
        <translation>Envio de %1 para o volume %2 no pool %3 concluído em %4 s%5.</translation>
    </message>
    <message>
        <source>Saved the volume %1 (%2) as %3 in %4 s%5.</source>
        <translation>Volume %1 (%2) salvo como %3 em %4 s%5.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Cancelled. The new volume was removed.</source>
        <translation>Cancelado. O novo volume foi removido.</translation>
    </message>
    <message>
        <source>Cancelled. The partial file was removed.</source>
        <translation>Cancelado. O arquivo parcial foi removido.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmBootOrderPage</name>
    <message>
        <source>Boot options</source>
        <translation>Opções de inicialização</translation>
    </message>
    <message>
        <source>The devices the VM boots from, in order. Crossvirt gives each checked device a boot order of its own.</source>
        <translation>Os dispositivos dos quais a VM inicializa, em ordem. O Crossvirt dá a cada dispositivo marcado uma ordem de inicialização própria.</translation>
    </message>
    <message>
        <source>&amp;Set the boot order myself</source>
        <translation>&amp;Definir eu mesmo a ordem de inicialização</translation>
    </message>
    <message>
        <source>Unchecked: the architecture's default for the install method (the install medium first, then the disk; a kernel boot needs none).</source>
        <translation>Desmarcado: o padrão da arquitetura para o método de instalação (primeiro a mídia de instalação, depois o disco; uma inicialização de kernel não precisa de nenhum).</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Descer</translation>
    </message>
    <message>
        <source>%1 (cannot boot: %2)</source>
        <translation>%1 (não pode inicializar: %2)</translation>
    </message>
    <message>
        <source>Boot order</source>
        <translation>Ordem de inicialização</translation>
    </message>
    <message>
        <source>Devices in the order the VM tries them; checked ones are bootable</source>
        <translation>Dispositivos na ordem em que a VM os tenta; os marcados são inicializáveis</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmDetailsPage</name>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Loading the virtual machine's configuration…</source>
        <translation>Carregando a configuração da máquina virtual…</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Alterações pendentes</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Entra em vigor</translation>
    </message>
    <message>
        <source>Add Hardware…</source>
        <translation>Adicionar hardware…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remover…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Reverter</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>This virtual machine was deleted.</source>
        <translation>Esta máquina virtual foi excluída.</translation>
    </message>
    <message>
        <source>Could not load the virtual machine: %1</source>
        <translation>Não foi possível carregar a máquina virtual: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message>
        <source>Boot Options</source>
        <translation>Opções de inicialização</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (until shutdown)</source>
        <translation>%1 (até o desligamento)</translation>
    </message>
    <message>
        <source>%1 (at next boot)</source>
        <translation>%1 (na próxima inicialização)</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Nenhuma alteração</translation>
    </message>
    <message>
        <source>Select a device to remove it</source>
        <translation>Selecione um dispositivo para removê-lo</translation>
    </message>
    <message>
        <source>Changes applied.</source>
        <translation>Alterações aplicadas.</translation>
    </message>
    <message>
        <source>Applied now: %1</source>
        <translation>Aplicado agora: %1</translation>
    </message>
    <message>
        <source>At the next boot: %1</source>
        <translation>Na próxima inicialização: %1</translation>
    </message>
    <message>
        <source>Medium ejected from %1.</source>
        <translation>Mídia ejetada de %1.</translation>
    </message>
    <message>
        <source>%1 now holds %2.</source>
        <translation>%1 agora contém %2.</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Adicionado: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Removido: %1</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmDevicesPage</name>
    <message>
        <source>Network and display</source>
        <translation>Rede e tela</translation>
    </message>
    <message>
        <source>Devices this architecture supports; what it does not is named under each list.</source>
        <translation>Dispositivos que esta arquitetura suporta; os que ela não suporta são citados abaixo de cada lista.</translation>
    </message>
    <message>
        <source>Add a network card</source>
        <translation>Adicionar uma placa de rede</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Rede:</translation>
    </message>
    <message>
        <source>NIC &amp;model:</source>
        <translation>&amp;Modelo da placa de rede:</translation>
    </message>
    <message>
        <source>&amp;Graphics:</source>
        <translation>&amp;Gráficos:</translation>
    </message>
    <message>
        <source>&amp;Video:</source>
        <translation>&amp;Vídeo:</translation>
    </message>
    <message>
        <source>&amp;Console:</source>
        <translation>C&amp;onsole:</translation>
    </message>
    <message>
        <source>Create the default NAT network</source>
        <translation>Criar a rede NAT padrão</translation>
    </message>
    <message>
        <source>What libvirt ships as “default”: NAT on virbr0, 192.168.122.0/24 with DHCP, started now and with the host</source>
        <translation>O que o libvirt fornece como “default”: NAT em virbr0, 192.168.122.0/24 com DHCP, iniciada agora e junto com o hospedeiro</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmInstallPage</name>
    <message>
        <source>Install method</source>
        <translation>Método de instalação</translation>
    </message>
    <message>
        <source>How the guest boots its installer or its operating system. Methods this architecture cannot use are listed with the reason.</source>
        <translation>Como o convidado inicializa seu instalador ou seu sistema operacional. Métodos que esta arquitetura não pode usar aparecem com o motivo.</translation>
    </message>
    <message>
        <source>&amp;Install from:</source>
        <translation>&amp;Instalar de:</translation>
    </message>
    <message>
        <source>Direct kernel boot</source>
        <translation>Inicialização direta do kernel</translation>
    </message>
    <message>
        <source>Files on the VM's host: type a path or pick a volume of one of its storage pools.</source>
        <translation>Arquivos no host da VM: digite um caminho ou escolha um volume de um de seus pools de armazenamento.</translation>
    </message>
    <message>
        <source>/var/lib/libvirt/boot/vmlinuz</source>
        <translation>/var/lib/libvirt/boot/vmlinuz</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>&amp;Kernel:</translation>
    </message>
    <message>
        <source>optional, e.g. /var/lib/libvirt/boot/initrd.img</source>
        <translation>opcional, p. ex. /var/lib/libvirt/boot/initrd.img</translation>
    </message>
    <message>
        <source>I&amp;nitrd:</source>
        <translation>I&amp;nitrd:</translation>
    </message>
    <message>
        <source>Kernel &amp;arguments:</source>
        <translation>&amp;Argumentos do kernel:</translation>
    </message>
    <message>
        <source>Starts with the argument that puts the kernel's messages on the chosen console.</source>
        <translation>Começa com o argumento que põe as mensagens do kernel no console escolhido.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Device tree:</source>
        <translation>&amp;Device tree:</translation>
    </message>
    <message>
        <source>Fill in the path of a volume of the host's storage pools</source>
        <translation>Preenche o caminho de um volume dos pools de armazenamento do host</translation>
    </message>
    <message>
        <source>No pool volumes</source>
        <translation>Nenhum volume de pool</translation>
    </message>
    <message>
        <source>Pool volume…</source>
        <translation>Volume de pool…</translation>
    </message>
    <message>
        <source>%1 (not available: %2)</source>
        <translation>%1 (indisponível: %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Only for kernels that need a board description.</source>
        <translation>Só para kernels que precisam de uma descrição da placa.</translation>
    </message>
    <message>
        <source>Attach the ISO image on the Storage page: the VM boots it first, then its disk.</source>
        <translation>Anexe a imagem ISO na página Armazenamento: a VM inicializa por ela primeiro, depois pelo disco.</translation>
    </message>
    <message>
        <source>QEMU loads the kernel and initrd itself: no boot loader or installer medium is needed.</source>
        <translation>O próprio QEMU carrega o kernel e o initrd: não é preciso carregador de inicialização nem mídia de instalação.</translation>
    </message>
    <message>
        <source>The VM boots a disk that already holds an operating system: choose its volume on the Storage page.</source>
        <translation>A VM inicializa um disco que já contém um sistema operacional: escolha o volume dele na página Armazenamento.</translation>
    </message>
    <message>
        <source>The VM's firmware boots from its first network card (PXE); the network needs a boot server.</source>
        <translation>O firmware da VM inicializa pela primeira placa de rede (PXE); a rede precisa de um servidor de inicialização.</translation>
    </message>
    <message>
        <source>Pick a volume of one of the host's storage pools</source>
        <translation>Escolha um volume de um dos pools de armazenamento do hospedeiro</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmPerformancePage</name>
    <message>
        <source>CPU use</source>
        <translation>Uso de CPU</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memória</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Memória (MiB)</translation>
    </message>
    <message>
        <source>Balloon (current)</source>
        <translation>Balloon (atual)</translation>
    </message>
    <message>
        <source>Resident (RSS)</source>
        <translation>Residente (RSS)</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>E/S de disco</translation>
    </message>
    <message>
        <source>Disk (KiB/s)</source>
        <translation>Disco (KiB/s)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leitura</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escrita</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>E/S de rede</translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation>Rede (KiB/s)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebidos</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Statistics are not collected for this host.</source>
        <translation>Não são coletadas estatísticas para este hospedeiro.</translation>
    </message>
    <message>
        <source>Waiting for the first statistics…</source>
        <translation>Aguardando as primeiras estatísticas…</translation>
    </message>
    <message>
        <source>This host's driver does not report the memory resident in the host (RSS).</source>
        <translation>O driver deste hospedeiro não informa a memória residente no hospedeiro (RSS).</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>Memória (%1)</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>Disk (%1)</source>
        <translation>Disco (%1)</translation>
    </message>
    <message>
        <source>Network (%1)</source>
        <translation>Rede (%1)</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmPlacementPage</name>
    <message>
        <source>Where and what</source>
        <translation>Onde e o quê</translation>
    </message>
    <message>
        <source>Choose a cluster or a host, the guest architecture, the machine type and the operating system.</source>
        <translation>Escolha um cluster ou um hospedeiro, a arquitetura do convidado, o tipo de máquina e o sistema operacional.</translation>
    </message>
    <message>
        <source>&amp;Place in:</source>
        <translation>&amp;Local:</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>&amp;Arquitetura:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hospedeiro:</translation>
    </message>
    <message>
        <source>&amp;Machine type:</source>
        <translation>Tipo de &amp;máquina:</translation>
    </message>
    <message>
        <source>Search operating systems, e.g. "rhel 9" or "debian"</source>
        <translation>Pesquisar sistemas operacionais, ex.: "rhel 9" ou "debian"</translation>
    </message>
    <message>
        <source>Show end-of-life systems</source>
        <translation>Mostrar sistemas sem suporte</translation>
    </message>
    <message>
        <source>&amp;Operating system:</source>
        <translation>&amp;Sistema operacional:</translation>
    </message>
    <message>
        <source>e.g. web-01</source>
        <translation>ex.: web-01</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Search operating systems</source>
        <translation>Pesquisar sistemas operacionais</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Sistema operacional</translation>
    </message>
    <message>
        <source>&amp;Install an operating system</source>
        <translation>&amp;Instalar um sistema operacional</translation>
    </message>
    <message>
        <source>From a &amp;template</source>
        <translation>A partir de um &amp;modelo</translation>
    </message>
    <message>
        <source>Create:</source>
        <translation>Criar:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Arch</source>
        <translation>Arquitetura</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>T&amp;emplate:</source>
        <translation>Mo&amp;delo:</translation>
    </message>
    <message>
        <source>Choose a cluster or a host and a template of an arch it runs; the template decides the machine, the OS and the devices.</source>
        <translation>Escolha um cluster ou um hospedeiro e um modelo de uma arquitetura que ele execute; o modelo define a máquina, o SO e os dispositivos.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmResourcesPage</name>
    <message>
        <source>Processors and memory</source>
        <translation>Processadores e memória</translation>
    </message>
    <message>
        <source>The operating system's recommendation is filled in; the host's size and the architecture's rules bound it.</source>
        <translation>A recomendação do sistema operacional já vem preenchida; o tamanho do hospedeiro e as regras da arquitetura a limitam.</translation>
    </message>
    <message>
        <source>&amp;Virtual CPUs:</source>
        <translation>CPUs &amp;virtuais:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Memória:</translation>
    </message>
    <message>
        <source>C&amp;PU type:</source>
        <translation>Tipo de C&amp;PU:</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmStoragePage</name>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>The VM's disk and an optional CD-ROM. Interfaces are those this architecture and machine type support.</source>
        <translation>O disco da VM e um CD-ROM opcional. As interfaces são as que esta arquitetura e este tipo de máquina suportam.</translation>
    </message>
    <message>
        <source>Create a new volume</source>
        <translation>Criar um novo volume</translation>
    </message>
    <message>
        <source>Use an existing volume</source>
        <translation>Usar um volume existente</translation>
    </message>
    <message>
        <source>No disk</source>
        <translation>Sem disco</translation>
    </message>
    <message>
        <source>&amp;Disk:</source>
        <translation>&amp;Disco:</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamanho:</translation>
    </message>
    <message>
        <source>qcow2 (thin, snapshots)</source>
        <translation>qcow2 (alocação dinâmica, snapshots)</translation>
    </message>
    <message>
        <source>raw (fastest)</source>
        <translation>raw (mais rápido)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>&amp;Volume:</translation>
    </message>
    <message>
        <source>Disk &amp;interface:</source>
        <translation>&amp;Interface de disco:</translation>
    </message>
    <message>
        <source>Attach a CD-ROM with an ISO image</source>
        <translation>Anexar um CD-ROM com uma imagem ISO</translation>
    </message>
    <message>
        <source>&amp;ISO image:</source>
        <translation>Imagem I&amp;SO:</translation>
    </message>
    <message>
        <source>CD-ROM &amp;bus:</source>
        <translation>&amp;Barramento do CD-ROM:</translation>
    </message>
    <message>
        <source>Create the default pool (%1)</source>
        <translation>Criar o pool padrão (%1)</translation>
    </message>
    <message>
        <source>Defines, starts and autostarts the directory pool “default”, as virt-install does</source>
        <translation>Define, inicia e ativa o início automático do pool de diretório “default”, como faz o virt-install</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Where the VM will run and the definition Crossvirt will give libvirt.</source>
        <translation>Onde a VM será executada e a definição que o Crossvirt passará ao libvirt.</translation>
    </message>
    <message>
        <source>&amp;Start the VM after creating it</source>
        <translation>&amp;Iniciar a VM após criá-la</translation>
    </message>
    <message>
        <source>&amp;Open its console</source>
        <translation>&amp;Abrir o console dela</translation>
    </message>
    <message>
        <source>Domain XML</source>
        <translation>XML do domínio</translation>
    </message>
    <message>
        <source>The definition Crossvirt will give libvirt</source>
        <translation>A definição que o Crossvirt entregará ao libvirt</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmTemplatePage</name>
    <message>
        <source>From a template</source>
        <translation>A partir de um modelo</translation>
    </message>
    <message>
        <source>The template decides the OS, the resources and the devices; choose the name, the host and how the disks are made.</source>
        <translation>O modelo define o SO, os recursos e os dispositivos; escolha o nome, o hospedeiro e como os discos são criados.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>e.g. web-01</source>
        <translation>ex.: web-01</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hospedeiro:</translation>
    </message>
    <message>
        <source>&amp;Overlay on the template's volumes</source>
        <translation>&amp;Overlay sobre os volumes do modelo</translation>
    </message>
    <message>
        <source>&amp;Full copy</source>
        <translation>Có&amp;pia completa</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>Discos:</translation>
    </message>
    <message>
        <source>&amp;Start the VM after creating it</source>
        <translation>&amp;Iniciar a VM após criá-la</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmTemplateSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Where the VM will run and what Crossvirt will make from the template.</source>
        <translation>Onde a VM será executada e o que o Crossvirt criará a partir do modelo.</translation>
    </message>
    <message>
        <source>What will be made</source>
        <translation>O que será criado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmTileDelegate</name>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1 (emulado)</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmTileView</name>
    <message>
        <source>Virtual machine tiles</source>
        <translation>Blocos de máquinas virtuais</translation>
    </message>
    <message>
        <source>The virtual machines of the selected host or cluster with a small picture of each running one's screen. Press Enter to open a virtual machine's console.</source>
        <translation>As máquinas virtuais do hospedeiro ou cluster selecionado, com uma pequena imagem da tela de cada uma em execução. Pressione Enter para abrir o console de uma máquina virtual.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmTilesPage</name>
    <message>
        <source>Show Thumbnails</source>
        <translation>Mostrar miniaturas</translation>
    </message>
    <message>
        <source>Takes a screenshot of each visible running virtual machine every few seconds, also on remote hosts.</source>
        <translation>Tira uma captura de tela de cada máquina virtual visível em execução a cada poucos segundos, também em hospedeiros remotos.</translation>
    </message>
    <message>
        <source>No virtual machines here.</source>
        <translation>Nenhuma máquina virtual aqui.</translation>
    </message>
    <message>
        <source>Thumbnails are off for remote hosts: each one is a screenshot sent over the network every few seconds.</source>
        <translation>As miniaturas estão desativadas para hospedeiros remotos: cada uma é uma captura de tela enviada pela rede a cada poucos segundos.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmWindow</name>
    <message>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <source>This virtual machine was deleted.</source>
        <translation>Esta máquina virtual foi excluída.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Desempenho</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Máquina virtual</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>VM window title: VM name, host name</comment>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VmXmlPage</name>
    <message>
        <source>Inactive XML</source>
        <translation>XML inativo</translation>
    </message>
    <message>
        <source>Live XML</source>
        <translation>XML ativo</translation>
    </message>
    <message>
        <source>Inactive (next boot)</source>
        <translation>Inativo (próxima inicialização)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Edit XML</source>
        <translation>Editar XML</translation>
    </message>
    <message>
        <source>For experts: edit the definition the next boot uses. libvirt validates it before it is saved.</source>
        <translation>Para especialistas: edite a definição que a próxima inicialização usa. O libvirt a valida antes de salvá-la.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>The VM is not running: it has no live XML.</source>
        <translation>A VM não está em execução: ela não tem XML ativo.</translation>
    </message>
    <message>
        <source>libvirt refused the XML: %1</source>
        <translation>O libvirt recusou o XML: %1</translation>
    </message>
    <message>
        <source>Editing the definition the next boot uses. libvirt checks it before it is saved; a running VM keeps its live configuration until it restarts.</source>
        <translation>Editando a definição que a próxima inicialização usa. O libvirt a verifica antes de salvá-la; uma VM em execução mantém sua configuração ativa até ser reiniciada.</translation>
    </message>
    <message>
        <source>Live: what the running VM uses now. Inactive: what its next boot uses.</source>
        <translation>Ativo: o que a VM em execução usa agora. Inativo: o que a próxima inicialização usa.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VncConsoleWidget</name>
    <message>
        <source>VNC Password</source>
        <translation>Senha VNC</translation>
    </message>
    <message>
        <source>Password for the console of %1:</source>
        <translation>Senha do console de %1:</translation>
    </message>
    <message>
        <source>Send Key</source>
        <translation>Enviar tecla</translation>
    </message>
    <message>
        <source>Send a key combination the desktop would catch</source>
        <translation>Envia uma combinação de teclas que a área de trabalho capturaria</translation>
    </message>
    <message>
        <source>Capture Input</source>
        <translation>Capturar entrada</translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation>Captura de tela…</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <source>Scale the screen to the window; off shows it 1:1 with scroll bars</source>
        <translation>Ajusta a tela ao tamanho da janela; desligado, mostra em 1:1 com barras de rolagem</translation>
    </message>
    <message>
        <source>Full Screen</source>
        <translation>Tela cheia</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Connected to %1 (%2×%3).</source>
        <translation>Conectado a %1 (%2×%3).</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Não conectado.</translation>
    </message>
    <message>
        <source>This console has no address to connect to.</source>
        <translation>Este console não tem endereço ao qual se conectar.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Could not open the console: the address request failed.</source>
        <translation>Não foi possível abrir o console: a solicitação do endereço falhou.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Desconectado.</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Desconectado: %1</translation>
    </message>
    <message>
        <source>%1 asks for a password.</source>
        <translation>%1 pede uma senha.</translation>
    </message>
    <message>
        <source>console-%1.png</source>
        <translation>console-%1.png</translation>
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation>Salvar captura de tela</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>There is no screen to save yet.</source>
        <translation>Ainda não há tela para salvar.</translation>
    </message>
    <message>
        <source>Screenshot saved to %1.</source>
        <translation>Captura de tela salva em %1.</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>Não foi possível salvar a captura de tela em %1.</translation>
    </message>
    <message>
        <source>Waiting for the guest's display…</source>
        <translation>Aguardando a tela do convidado…</translation>
    </message>
    <message>
        <source>Connected to %1; the guest has turned its display output off.</source>
        <translation>Conectado a %1; o convidado desligou a saída de vídeo.</translation>
    </message>
    <message>
        <source>Connected to %1; the guest has not drawn on its display yet.</source>
        <translation>Conectado a %1; o convidado ainda não desenhou na tela.</translation>
    </message>
    <message>
        <source>%1

Password for the console of %2 (last attempt):</source>
        <translation>%1

Senha do console de %2 (última tentativa):</translation>
    </message>
    <message>
        <source>The saved password was refused; it is forgotten. Asking again…</source>
        <translation>A senha salva foi recusada e foi esquecida. Perguntando novamente…</translation>
    </message>
    <message>
        <source>%1
Asking for the password again.</source>
        <translation>%1
Pedindo a senha novamente.</translation>
    </message>
    <message>
        <source>Connecting to %1 with the saved password…</source>
        <translation>Conectando a %1 com a senha salva…</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VncView</name>
    <message>
        <source>Keyboard and mouse go to the VM. Press and release Ctrl+Alt to release them.</source>
        <translation>Teclado e mouse estão direcionados à VM. Pressione e solte Ctrl+Alt para liberá-los.</translation>
    </message>
</context>
<context>
    <name>crossvirt::views::VolumeDialog</name>
    <message>
        <source>New Volume in “%1”</source>
        <translation>Novo volume em “%1”</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>Redimensionar “%1”</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>Copiar “%1”</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <source>&amp;Name of the copy:</source>
        <translation>&amp;Nome da cópia:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Current size:</source>
        <translation>Tamanho atual:</translation>
    </message>
    <message>
        <source>qcow2 (thin, snapshots, backing volumes)</source>
        <translation>qcow2 (dinâmico, snapshots, volumes de base)</translation>
    </message>
    <message>
        <source>raw (fastest)</source>
        <translation>raw (mais rápido)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>New &amp;size:</source>
        <translation>Novo &amp;tamanho:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamanho:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>&amp;Backing volume:</source>
        <translation>Volume de &amp;base:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Crossvirt</source>
        <translation>Crossvirt</translation>
    </message>
    <message>
        <source>Console for libvirt datacenters whose hosts and guests span CPU architectures.</source>
        <translation>Console para datacenters libvirt cujos hospedeiros e convidados abrangem várias arquiteturas de CPU.</translation>
    </message>
    <message>
        <source>Connect to URI instead of the saved list (repeatable).</source>
        <translation>Conectar à URI em vez de usar a lista salva (pode ser repetido).</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Conexões salvas</translation>
    </message>
    <message>
        <source>Open the console of the virtual machine NAME.</source>
        <translation>Abrir o console da máquina virtual NOME.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>No connected host has a virtual machine named “%1”.</source>
        <translation>Nenhum hospedeiro conectado tem uma máquina virtual chamada “%1”.</translation>
    </message>
    <message>
        <source>Saved passwords</source>
        <translation>Senhas salvas</translation>
    </message>
</context>
</TS>