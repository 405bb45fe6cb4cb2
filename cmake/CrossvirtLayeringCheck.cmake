# Proof that the layering check bites: a file that includes libvirt and calls a vir*
# function, compiled with view code's settings (crossvirt_no_libvirt), must not build.
# The control target is the same file without those settings and must build, so the
# failing test cannot pass for an unrelated reason (a missing header, a broken toolchain).
add_executable(crossvirt_layering_probe_views EXCLUDE_FROM_ALL
    ${CMAKE_CURRENT_LIST_DIR}/LayeringProbe.cpp)
target_link_libraries(crossvirt_layering_probe_views PRIVATE
    crossvirt_no_libvirt crossvirt_build_flags PkgConfig::LIBVIRT)
add_executable(crossvirt_layering_probe_models EXCLUDE_FROM_ALL
    ${CMAKE_CURRENT_LIST_DIR}/LayeringProbe.cpp)
target_link_libraries(crossvirt_layering_probe_models PRIVATE
    crossvirt_build_flags PkgConfig::LIBVIRT)

add_test(NAME layering.views_cannot_call_libvirt
    COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target crossvirt_layering_probe_views)
set_tests_properties(layering.views_cannot_call_libvirt PROPERTIES WILL_FAIL TRUE
    RESOURCE_LOCK crossvirt_layering_probe)
add_test(NAME layering.models_can_call_libvirt
    COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target crossvirt_layering_probe_models)
set_tests_properties(layering.models_can_call_libvirt PROPERTIES
    RESOURCE_LOCK crossvirt_layering_probe)
