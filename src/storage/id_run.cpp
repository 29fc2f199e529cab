#include "storage/id_run.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kSequenceOf = "pg_get_serial_sequence($1, 'id')::regclass";

}  // namespace

IdRun::IdRun(Transaction& tx, std::string table) : tx_(tx), table_(std::move(table)) {
  if (tx_.dialect() == Dialect::kPostgres) {
    // Every INSERT takes the ROW EXCLUSIVE lock this one conflicts with, so no one else draws from the
    // sequence until the commit.
    tx_.Execute("LOCK TABLE " + table_ + " IN SHARE ROW EXCLUSIVE MODE");
    first_ = tx_.Query(std::string("SELECT nextval(") + kSequenceOf + ")", {table_}).front().Int(0);
  } else {
    first_ = tx_.Query("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table_).front().Int(0);
  }
  next_ = first_;
}

void IdRun::End() {
  // nextval has already moved the sequence to the first id; it needs moving only when more were used.
  if (tx_.dialect() == Dialect::kPostgres && next_ - 1 > first_)
    tx_.Query(std::string("SELECT setval(") + kSequenceOf + ", $2)", {table_, next_ - 1});
}

}  // namespace sanpi::storage
