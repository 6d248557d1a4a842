# SPDX-License-Identifier: GPL-3.0-or-later
# The execution report (HTML and PDF) (included by CMakeLists.txt).
haven_add_test(tst_executionreport SOURCES tst_executionreport.cpp LIBS havenui TIMEOUT 60)
target_compile_definitions(tst_executionreport PRIVATE HAVEN_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
