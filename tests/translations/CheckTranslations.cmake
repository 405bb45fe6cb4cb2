# Usage: cmake -DLUPDATE=... -DSOURCE_DIR=... -DTS_FILE=... -DWORK_DIR=... -P CheckTranslations.cmake
get_filename_component(name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${name}")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(
    COMMAND "${LUPDATE}" -silent -no-obsolete -locations none -I "${SOURCE_DIR}"
            "${SOURCE_DIR}/arch" "${SOURCE_DIR}/models" "${SOURCE_DIR}/views" "${SOURCE_DIR}/app"
            -ts "${copy}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()
file(READ "${copy}" ts)
string(REGEX MATCHALL "<message[ >]" messages "${ts}")
list(LENGTH messages total)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*<translation type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished missing)
if(total EQUAL 0)
    message(FATAL_ERROR "no messages found: is lupdate reading the sources?")
endif()
if(missing GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*<translation type=\"unfinished\"" list "${ts}")
    list(SUBLIST list 0 20 first)
    string(REPLACE ";" "\n" first "${first}")
    message(FATAL_ERROR "${missing} of ${total} messages have no pt_BR translation "
                        "(run: cmake --build build --target update_translations, then translate).\n"
                        "First ones:\n${first}")
endif()
message(STATUS "pt_BR: ${total} messages, all translated")
