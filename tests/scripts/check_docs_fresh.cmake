# docs/syntax.md must be what neml2-syntax --markdown prints now.
# SYNTAX: the neml2-syntax program; DOC: docs/syntax.md.
execute_process(COMMAND ${SYNTAX} --markdown OUTPUT_VARIABLE fresh RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "neml2-syntax --markdown failed (${rc})")
endif()
if(NOT EXISTS ${DOC})
  message(FATAL_ERROR "${DOC} is missing; run: cmake --build build --target syntax-docs")
endif()
file(READ ${DOC} current)
if(NOT current STREQUAL fresh)
  message(FATAL_ERROR "${DOC} is stale; run: cmake --build build --target syntax-docs")
endif()
