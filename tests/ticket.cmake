# SPDX-License-Identifier: GPL-3.0-or-later
# The execution ticket dialog against real agents (included by CMakeLists.txt).
haven_add_test(tst_ticketdialog SOURCES tst_ticketdialog.cpp LIBS havenui haventestsupport TIMEOUT 120)
target_compile_definitions(tst_ticketdialog PRIVATE HAVEN_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
