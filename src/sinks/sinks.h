// Sinks: how a Record leaves gongkai. JSON (DESIGN.md "Output"; other tools
// read it, so its field names are fixed) and compiler-style audit lines.
#ifndef GONGKAI_SRC_SINKS_SINKS_H_
#define GONGKAI_SRC_SINKS_SINKS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/model/record.h"

namespace gongkai {

inline constexpr const char* kReportSchema = "gongkai.report/1";

// Returns the "source" object's path fields for `path`: "path" always valid
// UTF-8 (bytes that are not shown as \xHH) and, when the name is not UTF-8,
// "path_bytes" with its bytes in hexadecimal, from which the name is
// recovered exactly.
nlohmann::ordered_json PathJson(const std::string& path);

// Returns the JSON object of one record: a report, or an error record with
// "error": {"stage", "code", "message"} (and any figures read before it).
nlohmann::ordered_json RecordToJson(const Record& record);

// Returns one line per finding, "FILE: CHECK: expected X, printed Y", or one
// "FILE: error: STAGE: CODE: MESSAGE" line for an error record.
std::vector<std::string> AuditLines(const Record& record);
// The same, from the JSON of a record (as RecordToJson() writes it).
std::vector<std::string> AuditLines(const nlohmann::ordered_json& record);
std::vector<std::string> AuditLines(const nlohmann::json& record);

}  // namespace gongkai

#endif  // GONGKAI_SRC_SINKS_SINKS_H_
