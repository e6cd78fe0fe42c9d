# Helpers to declare the library's layers (DESIGN §2): each layer is an object library built from
# src/neml2/<layer>/**.cxx; the allowed dependencies are recorded for the layering test.

set(NEML2_LAYERS "")

# The precompiled header: ATen's core tensor type and the standard headers nearly every source uses.
set(NEML2_PCH_HEADERS <ATen/core/Tensor.h> <map> <memory> <string> <vector> <sstream>)

# A precompiled header must be used with the flags it was made with, so there are two owners:
# one for position-independent code (the library) and one for executables (tests, tools).
function(neml2_use_pch target)
  if(NOT NEML2_PCH)
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_precompile_headers(${target} REUSE_FROM neml2_pch_exe)
  else()
    target_precompile_headers(${target} REUSE_FROM neml2_pch_pic)
  endif()
endfunction()

if(NEML2_PCH AND NOT TARGET neml2_pch_pic)
  file(WRITE ${CMAKE_BINARY_DIR}/pch_owner.cxx "// owner of a precompiled header\n")
  foreach(kind pic exe)
    add_library(neml2_pch_${kind} OBJECT ${CMAKE_BINARY_DIR}/pch_owner.cxx)
    target_link_libraries(neml2_pch_${kind} PUBLIC torch)
    target_precompile_headers(neml2_pch_${kind} PRIVATE ${NEML2_PCH_HEADERS})
  endforeach()
  set_target_properties(neml2_pch_pic PROPERTIES POSITION_INDEPENDENT_CODE ON)
endif()

function(neml2_add_layer layer)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/neml2/${layer}/*.cxx)
  add_library(neml2_${layer} OBJECT ${srcs})
  target_include_directories(neml2_${layer} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  # Internal (not installed) headers of a layer: src/neml2/<layer>/internal/*.h
  target_include_directories(neml2_${layer} PRIVATE ${PROJECT_SOURCE_DIR}/src/neml2/${layer})
  target_link_libraries(neml2_${layer} PUBLIC torch)
  set_target_properties(neml2_${layer} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_compile_options(neml2_${layer} PRIVATE -Wall -Wextra)
  neml2_use_pch(neml2_${layer})
  set(NEML2_LAYERS ${NEML2_LAYERS} ${layer} PARENT_SCOPE)
  set(NEML2_LAYER_DEPS_${layer} "${ARGN}" CACHE INTERNAL "dependencies of layer ${layer}")
endfunction()
