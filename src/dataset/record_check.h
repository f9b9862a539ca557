// Checking a record before it is stored: a JSON Lines file handed to
// `ingest` may hold anything (a line cut by a crash, a record edited by
// hand, another program's output). A record is stored only if it has the
// shape `gongkai extract` writes (schema gongkai.report/1, DESIGN.md), field
// by field, with the types the dataset reads.
#ifndef GONGKAI_SRC_DATASET_RECORD_CHECK_H_
#define GONGKAI_SRC_DATASET_RECORD_CHECK_H_

#include <nlohmann/json.hpp>
#include <string>

namespace gongkai {

// Returns "" when `record` is a valid record, else what is wrong with it
// ("source.path is not a string").
std::string CheckRecord(const nlohmann::json& record);

// Returns the error record stored for a line of `file` that is not a valid
// record: its path is "FILE:LINE", its error says why.
nlohmann::json BadLineRecord(const std::string& file, long line,
                             const std::string& why);

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_RECORD_CHECK_H_
