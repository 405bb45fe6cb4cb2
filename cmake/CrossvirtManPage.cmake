# Writes a man page from what the built program prints for --help, so the page
# cannot drift from the option tables (the same QCommandLineParser options and
# cliCommands() list print both). Run by data/CMakeLists.txt at build time:
#   cmake -DPROGRAM=<exe> -DKIND=gui|cli -DOUTPUT=<file.1> -DVERSION=<v> -DDATE=<yyyy-mm-dd>
#         -P CrossvirtManPage.cmake
# For KIND=cli every command listed under "Commands:" in `crossvirt-cli --help` gets
# its own section from `crossvirt-cli COMMAND --help`, so new commands appear on
# their own. A command whose --help fails stops the build: its page would be wrong.
cmake_minimum_required(VERSION 3.25)

foreach(var PROGRAM KIND OUTPUT VERSION DATE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CrossvirtManPage.cmake: ${var} is not set")
    endif()
endforeach()

# English help whatever the builder's locale; no display needed for --help.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANG} C.UTF-8)
set(ENV{LANGUAGE} "")
set(ENV{QT_QPA_PLATFORM} offscreen)

function(run_help out_var)
    execute_process(COMMAND "${PROGRAM}" ${ARGN}
        OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 60)
    if(NOT rc EQUAL 0 OR text STREQUAL "")
        string(JOIN " " args ${ARGN})
        message(FATAL_ERROR "CrossvirtManPage: `${PROGRAM} ${args}` failed (${rc}): ${err}")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# troff-safe text: backslashes, leading control characters, and hyphens in option names.
function(roff_escape out_var text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
    # Options in running text ("--vm", "-c") as minus signs, so they can be copied.
    string(REPLACE "--" "\\-\\-" text "${text}")
    string(REGEX REPLACE "(^|[ (`])-([a-zA-Z])" "\\1\\\\-\\2" text "${text}")
    # The hyphens inside an option name too ("--name-pattern"): a plain "-" is a place
    # where groff may break the line, which would cut the option in two.
    set(previous "")
    while(NOT previous STREQUAL text)
        set(previous "${text}")
        string(REGEX REPLACE "(\\\\-\\\\-[a-zA-Z0-9]+(\\\\-[a-zA-Z0-9]+)*)-([a-zA-Z0-9])"
               "\\1\\\\-\\3" text "${text}")
    endwhile()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(roff_option out_var text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    # Bold option names, italic values: "-c, --connect <URI>" / "--timeout S".
    if(text MATCHES "^(.*[^ ]) +(<[^>]+>|[A-Z][A-Z_]*)$")
        set(text "\\fB${CMAKE_MATCH_1}\\fR \\fI${CMAKE_MATCH_2}\\fR")
    else()
        set(text "\\fB${text}\\fR")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Splits help text into sections: the lines before the first "Header:" line go to
# _preamble, then each header's indented lines to a list. Sets, in the caller:
# <prefix>_preamble, <prefix>_headers and <prefix>_section_<n> (lines joined by \n).
function(split_sections prefix text)
    string(REPLACE ";" "\\;" text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(current preamble)
    set(headers "")
    set(n 0)
    set(body_preamble "")
    foreach(line IN LISTS lines)
        string(REPLACE "\\;" ";" line "${line}")
        if(line MATCHES "^[^ \t].*:$")
            math(EXPR n "${n} + 1")
            string(REGEX REPLACE ":$" "" h "${line}")
            list(APPEND headers "${h}")
            set(current "section_${n}")
            set(body_${current} "")
        else()
            string(APPEND body_${current} "${line}\n")
        endif()
    endforeach()
    set(${prefix}_preamble "${body_preamble}" PARENT_SCOPE)
    set(${prefix}_headers "${headers}" PARENT_SCOPE)
    if(n GREATER 0)
        foreach(i RANGE 1 ${n})
            set(${prefix}_section_${i} "${body_section_${i}}" PARENT_SCOPE)
        endforeach()
    endif()
endfunction()

# Turns "  TERM   description\n        continued\n" lines into .TP paragraphs.
function(entries_to_roff out_var body)
    string(REPLACE ";" "\\;" body "${body}")
    string(REPLACE "\n" ";" lines "${body}")
    set(roff "")
    foreach(line IN LISTS lines)
        string(REPLACE "\\;" ";" line "${line}")
        if(line MATCHES "^    +([^ ].*)$")
            roff_escape(cont "${CMAKE_MATCH_1}")
            string(APPEND roff "${cont}\n")
        elseif(line MATCHES "^  ?([^ ].*)$")
            set(entry "${CMAKE_MATCH_1}")
            if(entry MATCHES "^(.*[^ ])  +([^ ].*)$")
                roff_option(term "${CMAKE_MATCH_1}")
                roff_escape(desc "${CMAKE_MATCH_2}")
            else()
                roff_option(term "${entry}")
                set(desc "")
            endif()
            string(APPEND roff ".TP\n${term}\n")
            if(NOT desc STREQUAL "")
                string(APPEND roff "${desc}\n")
            endif()
        endif()
    endforeach()
    set(${out_var} "${roff}" PARENT_SCOPE)
endfunction()

# Paragraphs of plain text (blank lines separate them).
function(text_to_roff out_var text)
    string(STRIP "${text}" text)
    string(REPLACE ";" "\\;" text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(roff "")
    foreach(line IN LISTS lines)
        string(REPLACE "\\;" ";" line "${line}")
        string(STRIP "${line}" line)
        if(line STREQUAL "")
            string(APPEND roff ".PP\n")
        else()
            roff_escape(line "${line}")
            string(APPEND roff "${line}\n")
        endif()
    endforeach()
    set(${out_var} "${roff}" PARENT_SCOPE)
endfunction()

# The preamble minus its "Usage: ..." line.
function(description_of out_var preamble)
    string(REGEX REPLACE "^[ \n]*Usage:[^\n]*\n" "" d "${preamble}")
    text_to_roff(d "${d}")
    set(${out_var} "${d}" PARENT_SCOPE)
endfunction()

if(KIND STREQUAL "gui")
    set(name crossvirt)
    set(title CROSSVIRT)
    set(whatis "desktop console for multi-architecture libvirt datacenters")
    run_help(help --help)
    split_sections(top "${help}")
    description_of(description "${top_preamble}")
    set(body ".SH SYNOPSIS\n.B crossvirt\n[\\fIoptions\\fR]\n.SH DESCRIPTION\n${description}")
    set(i 0)
    foreach(h IN LISTS top_headers)
        math(EXPR i "${i} + 1")
        string(TOUPPER "${h}" H)
        entries_to_roff(entries "${top_section_${i}}")
        string(APPEND body ".SH ${H}\n${entries}")
    endforeach()
    string(APPEND body ".SH FILES\n"
        ".TP\n\\fI~/.config/crossvirt/\\fR\nSaved connections, clusters and settings "
        "(\\fBCROSSVIRT_CONFIG_DIR\\fR overrides the folder).\n"
        ".TP\n\\fI~/.local/share/crossvirt/\\fR\nThe demo datacenter's host files "
        "(\\fBCROSSVIRT_DATA_DIR\\fR overrides the folder).\n"
        ".SH SEE ALSO\n\\fBcrossvirt\\-cli\\fR(1), \\fBvirsh\\fR(1)\n")
elseif(KIND STREQUAL "cli")
    set(name crossvirt-cli)
    set(title CROSSVIRT-CLI)
    set(whatis "command line companion of Crossvirt that prints JSON")
    run_help(help --help)
    split_sections(top "${help}")
    description_of(description "${top_preamble}")
    set(body ".SH SYNOPSIS\n.B crossvirt\\-cli\n[\\fIglobal options\\fR] \\fICOMMAND\\fR [\\fIoptions\\fR]\n")
    string(APPEND body ".SH DESCRIPTION\n${description}")
    set(i 0)
    set(commands "")
    set(rest "")
    foreach(h IN LISTS top_headers)
        math(EXPR i "${i} + 1")
        if(h STREQUAL "Commands")
            string(REPLACE ";" "\\;" lines "${top_section_${i}}")
            string(REPLACE "\n" ";" lines "${lines}")
            foreach(line IN LISTS lines)
        string(REPLACE "\\;" ";" line "${line}")
                if(line MATCHES "^  ([^ ]+)")
                    list(APPEND commands "${CMAKE_MATCH_1}")
                endif()
            endforeach()
        else()
            string(TOUPPER "${h}" H)
            if(H MATCHES "^EXIT")
                set(H "EXIT STATUS")
            elseif(H MATCHES "^GLOBAL OPTIONS")
                set(H "GLOBAL OPTIONS")
            endif()
            entries_to_roff(entries "${top_section_${i}}")
            string(APPEND rest ".SH ${H}\n${entries}")
        endif()
    endforeach()
    if(commands STREQUAL "")
        message(FATAL_ERROR "CrossvirtManPage: no \"Commands:\" list in `${PROGRAM} --help`")
    endif()
    string(APPEND body ".SH COMMANDS\n")
    foreach(cmd IN LISTS commands)
        # --connect keeps the program away from the saved list and the demo datacenter.
        run_help(cmd_help --connect test:///default --timeout 5 ${cmd} --help)
        split_sections(c "${cmd_help}")
        string(REPLACE "-" "\\-" cmd_roff "${cmd}")
        description_of(summary "${c_preamble}")
        string(APPEND body ".SS ${cmd_roff}\n.B crossvirt\\-cli ${cmd_roff}\n[\\fIoptions\\fR]\n"
                           ".PP\n${summary}")
        set(j 0)
        foreach(h IN LISTS c_headers)
            math(EXPR j "${j} + 1")
            if(h MATCHES "^Global options" OR h MATCHES "^Exit codes")
                continue() # printed once, below
            endif()
            entries_to_roff(entries "${c_section_${j}}")
            roff_escape(h "${h}")
            string(APPEND body ".PP\n${h}:\n.RS\n${entries}.RE\n")
        endforeach()
    endforeach()
    string(APPEND body "${rest}" ".SH FILES\n"
        ".TP\n\\fI~/.config/crossvirt/connections.json\\fR\nThe saved connection list "
        "(\\fBCROSSVIRT_CONFIG_DIR\\fR overrides the folder), shared with \\fBcrossvirt\\fR(1).\n"
        ".SH SEE ALSO\n\\fBcrossvirt\\fR(1), \\fBvirsh\\fR(1)\n")
else()
    message(FATAL_ERROR "CrossvirtManPage: KIND must be gui or cli, not ${KIND}")
endif()

string(REPLACE "-" "\\-" name_roff "${name}")
file(WRITE "${OUTPUT}.tmp"
    ".\\\" Generated from `${name} --help` by cmake/CrossvirtManPage.cmake; do not edit.\n"
    ".TH ${title} 1 \"${DATE}\" \"Crossvirt ${VERSION}\" \"User Commands\"\n"
    ".SH NAME\n${name_roff} \\- ${whatis}\n"
    "${body}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
