# SPDX-License-Identifier: GPL-3.0-or-later
haven_add_test(tst_fleettopology SOURCES tst_fleettopology.cpp LIBS havenmodels)
haven_add_test(tst_componentmodel SOURCES tst_componentmodel.cpp LIBS havenmodels)
haven_add_test(tst_modecontroller SOURCES tst_modecontroller.cpp LIBS havenapp)
haven_add_test(tst_fleetmonitor SOURCES tst_fleetmonitor.cpp LIBS havenapp haventestsupport TIMEOUT 180)
haven_add_test(tst_headlessstatus SOURCES tst_headlessstatus.cpp LIBS haventestsupport)
target_compile_definitions(tst_headlessstatus PRIVATE HAVEN_CONSOLE_BINARY="$<TARGET_FILE:haven>")
add_dependencies(tst_headlessstatus haven)
