# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staged tree, before the .deb
# is made: strips the executables as Debian's dh_strip does, also dropping
# the .comment and .note sections (compiler versions) that plain strip keeps.
file(GLOB_RECURSE labdeck_programs LIST_DIRECTORIES false
     "${CPACK_TEMPORARY_DIRECTORY}/usr/bin/*")
if(NOT labdeck_programs)
  message(FATAL_ERROR "strip.cmake: no programs under ${CPACK_TEMPORARY_DIRECTORY}/usr/bin")
endif()
foreach(program IN LISTS labdeck_programs)
  execute_process(
    COMMAND "${CPACK_LABDECK_STRIP}" --remove-section=.comment --remove-section=.note "${program}"
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "strip failed on ${program}")
  endif()
endforeach()
