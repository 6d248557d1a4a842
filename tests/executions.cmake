# SPDX-License-Identifier: GPL-3.0-or-later
# Plan execution: the engine against real agents, the journal, kill-and-resume of the console.
haven_add_test(tst_execution SOURCES tst_execution.cpp LIBS havenmodels)
haven_add_test(tst_executionengine SOURCES tst_executionengine.cpp LIBS havenapp haventestsupport TIMEOUT 300)
haven_add_test(tst_executionresume SOURCES tst_executionresume.cpp LIBS havenmodels haventestsupport TIMEOUT 400)
target_compile_definitions(tst_executionresume PRIVATE HAVEN_CONSOLE_BINARY="$<TARGET_FILE:haven>")
add_dependencies(tst_executionresume haven)
