// libFuzzer target: a domain XML (virDomainGetXMLDesc) as a hostile or broken host could
// send it, through every reader the inventory and the VM window use on it: the inventory
// summary, the Overview details, the Crossvirt metadata, the VM window's configuration
// (models/vmedit) and its arch judgement, and the network and pool readers, which
// share the code path. Seeds: fuzz/corpus/domain_xml.
#include "models/inventory/CrossvirtMetadata.h"
#include "models/inventory/DomainXml.h"
#include "models/vmedit/VmConfig.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace crossvirt::models;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    DomainSummary summary;
    readDomainXmlSummary(xml, summary);
    const DomainDetails details = parseDomainDetails(xml);
    (void)readCrossvirtMetadata(xml);

    const VmConfig config = parseVmConfig(xml);
    (void)config.facts();
    (void)config.context();

    NetworkInfo network;
    readNetworkXml(xml, network);
    PoolInfo pool;
    readPoolXml(xml, pool);
    return 0;
}
