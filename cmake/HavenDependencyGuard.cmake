# SPDX-License-Identifier: GPL-3.0-or-later
# Fails the configuration when a library breaks the dependency direction of DESIGN.md:
#   ui -> widgets -> editing -> models,  ui -> app -> models,  models -> protocol -> core,
#   agent -> protocol -> core (the agent never links the console's libraries). editing holds
#   documents and undo commands: QtGui (QUndoStack) but never QtWidgets.
# Links are followed recursively through LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES, so a
# forbidden library reached through another one is caught too.
# Include it at the end of the top-level CMakeLists.txt, once every target exists.

# All targets that `target` links, directly or transitively, by their real (non-alias) names.
function(haven_linked_targets target out_var)
    set(seen "")
    set(queue "${target}")
    while(queue)
        list(POP_FRONT queue current)
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(links ${current} ${property})
            if(NOT links)
                continue()
            endif()
            foreach(item IN LISTS links)
                # $<LINK_ONLY:x> is how a static library's private links are exported.
                if(item MATCHES "^\\$<LINK_ONLY:([^<>]+)>$")
                    set(item "${CMAKE_MATCH_1}")
                endif()
                # Skip other generator expressions, the ::@ markers of links made from another
                # directory, and plain flags or files.
                if(item MATCHES "^(\\$<|::@)" OR NOT TARGET "${item}")
                    continue()
                endif()
                get_target_property(aliased "${item}" ALIASED_TARGET)
                if(aliased)
                    set(item "${aliased}")
                endif()
                if(NOT item IN_LIST seen)
                    list(APPEND seen "${item}")
                    list(APPEND queue "${item}")
                endif()
            endforeach()
        endforeach()
    endwhile()
    set(${out_var} "${seen}" PARENT_SCOPE)
endfunction()

# haven_forbid_links(<target> <forbidden>...): a configuration error if target reaches any of them.
function(haven_forbid_links target)
    if(NOT TARGET ${target})
        return()
    endif()
    haven_linked_targets(${target} linked)
    set(violations "")
    foreach(forbidden IN LISTS ARGN)
        if(TARGET ${forbidden})
            get_target_property(aliased ${forbidden} ALIASED_TARGET)
            if(aliased)
                set(forbidden "${aliased}")
            endif()
        endif()
        if(forbidden IN_LIST linked)
            list(APPEND violations "${forbidden}")
        endif()
    endforeach()
    if(violations)
        list(JOIN violations ", " violations)
        message(FATAL_ERROR "Dependency direction broken: ${target} links ${violations} (directly or "
            "through another library). See 'Shape of the system' in DESIGN.md: models and app must "
            "stay free of QtGui/QtWidgets, and dependencies point ui -> widgets -> models, "
            "ui -> app -> models, models -> protocol -> core, agent -> protocol -> core "
            "(docs/architecture.md).")
    endif()
endfunction()

set(_haven_console_libs havenmodels havenediting havenapp havenwidgets havenui)
haven_forbid_links(havencore Qt6::Gui Qt6::Widgets Qt6::Network havenprotocol ${_haven_console_libs} havenagent)
haven_forbid_links(havenprotocol Qt6::Gui Qt6::Widgets ${_haven_console_libs} havenagent)
haven_forbid_links(havenmodels Qt6::Gui Qt6::Widgets havenediting havenapp havenwidgets havenui havenagent)
haven_forbid_links(havenediting Qt6::Widgets havenapp havenwidgets havenui havenagent)
haven_forbid_links(havenapp Qt6::Gui Qt6::Widgets havenediting havenwidgets havenui havenagent)
haven_forbid_links(havenwidgets havenapp havenui havenagent)
# The agent shares only core and protocol with the console.
haven_forbid_links(havenagent Qt6::Gui Qt6::Widgets ${_haven_console_libs})
