# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that a translation is complete for the current sources:
#   cmake -DLUPDATE=<lupdate> -DSOURCES_LIST=<lst file> -DTS_FILE=<ts> -DWORK_DIR=<dir> -P checktranslations.cmake
# lupdate runs on a copy of TS_FILE, so strings added to the sources but not yet extracted
# count as missing too. Fails listing every string that still needs a translation.

foreach(var LUPDATE SOURCES_LIST TS_FILE WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "checktranslations.cmake: ${var} is not set")
    endif()
endforeach()

get_filename_component(name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${name}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(
    COMMAND "${LUPDATE}" -silent -locations none -no-obsolete "@${SOURCES_LIST}" -ts "${copy}"
    RESULT_VARIABLE result
    ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}):\n${errors}")
endif()

file(READ "${copy}" ts)
# Unfinished entries, and finished ones left empty.
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<[a-z]+>[^<]*</[a-z]+>[^<]*)*<translation( type=\"unfinished\"[^>]*>|></translation>)"
       missing "${ts}")
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished unfinished_count)
if(missing OR unfinished_count GREATER 0)
    set(lines "")
    foreach(entry IN LISTS missing)
        string(REGEX REPLACE "^<source>([^<]*)</source>.*" "  \\1" line "${entry}")
        string(APPEND lines "${line}\n")
    endforeach()
    message(FATAL_ERROR "${name} lacks ${unfinished_count} translation(s) of the current sources:\n"
        "${lines}Run `ninja update_translations`, translate these entries in "
        "translations/${name} and mark them finished.")
endif()
message(STATUS "${name}: complete")
