# Writes OUT: a C++ table of every migrations/NNNN_name.sql file, in version order.
file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "// Generated from src/storage/migrations/*.sql by cmake/embed_migrations.cmake.\n#include \"storage/migrations.hpp\"\nnamespace sanpi::storage {\nconst std::vector<MigrationSource>& MigrationSources() {\n  static const std::vector<MigrationSource> sources = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  string(SUBSTRING ${name} 0 4 version)
  string(REGEX REPLACE "^0+([0-9])" "\\1" version ${version})  # "0008" is 8, not an octal literal
  file(READ ${f} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"sanpi_sql(${sql})sanpi_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return sources;\n}\n}  // namespace sanpi::storage\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
