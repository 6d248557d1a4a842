# SPDX-License-Identifier: GPL-3.0-or-later
# The switchover dashboard: its widgets on journal-built executions, and the page and the wall
# against the engine and real agents (with screenshots under the build's screenshots/).
haven_add_test(tst_executionwidgets SOURCES tst_executionwidgets.cpp LIBS havenwidgets)
target_compile_definitions(tst_executionwidgets PRIVATE HAVEN_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
haven_add_test(tst_executionpage SOURCES tst_executionpage.cpp LIBS havenui haventestsupport TIMEOUT 300)
target_compile_definitions(tst_executionpage PRIVATE HAVEN_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
