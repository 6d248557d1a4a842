# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the console's widgets, theme, demo launcher and translations.
haven_add_test(tst_statusbadge SOURCES tst_statusbadge.cpp LIBS havenwidgets)
haven_add_test(tst_theme SOURCES tst_theme.cpp LIBS havenui)
haven_add_test(tst_demofleetlauncher SOURCES tst_demofleetlauncher.cpp LIBS havenapp)

# The zh_CN translation must cover every translatable string of the current sources.
get_property(_haven_translation_check GLOBAL PROPERTY HAVEN_TRANSLATION_CHECK)
if(_haven_translation_check)
    list(GET _haven_translation_check 0 _script)
    list(GET _haven_translation_check 1 _sources_list)
    list(GET _haven_translation_check 2 _ts_file)
    add_test(NAME tst_translations
             COMMAND ${CMAKE_COMMAND} -DLUPDATE=$<TARGET_FILE:Qt6::lupdate> -DSOURCES_LIST=${_sources_list}
                     -DTS_FILE=${_ts_file} -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/tst_translations
                     -P ${_script})
    set_tests_properties(tst_translations PROPERTIES TIMEOUT 120)
endif()
