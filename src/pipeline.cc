// The per-file pipeline; see pipeline.h.
#include "src/pipeline.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "src/normalize.h"
#include "src/reader.h"
#include "src/reconcile.h"
#include "src/sha256.h"
#include "src/sniff.h"

namespace gongkai {

Report ReadAndReconcile(Document& doc, const std::vector<RuleSet>& rules) {
  Normalize(doc);
  const RuleSet* set = ChooseRuleSet(doc, rules);
  if (!set) return Report();
  Report report = ReadReport(doc, *set);
  Reconcile(*set, report);
  return report;
}

Record ProcessBytes(const std::string& path, std::string_view bytes,
                    const std::vector<Extractor>& registry,
                    const std::vector<RuleSet>& rules, const Limits& limits) {
  Record record;
  record.source.path = path;
  record.source.bytes = bytes.size();
  record.source.sha256 = Sha256Hex(bytes);
  StatusOr<std::string> format = SniffFormat(bytes);
  if (!format.ok()) {
    record.error = format.status();
    return record;
  }
  record.source.format = *format;
  const Extractor* extractor = nullptr;
  for (const Extractor& e : registry) {
    if (e.format == *format) extractor = &e;
  }
  if (!extractor) {
    record.error =
        Status::Error("extract", "unsupported_format",
                      "no extractor for " + *format + " files in this build");
    return record;
  }
  StatusOr<Document> doc = extractor->extract(bytes, limits);
  if (!doc.ok()) {
    record.error = doc.status();
    return record;
  }
  doc->source.path = path;
  doc->source.sha256 = record.source.sha256;
  doc->source.bytes = bytes.size();
  doc->source.format = *format;
  record.source = doc->source;
  record.pages = doc->pages;
  record.metadata = doc->metadata;
  Report report = ReadAndReconcile(*doc, rules);
  if (report.figures.empty()) {
    record.error = Status::Error(
        "read", "not_a_report",
        "no table of an annual report (政府信息公开工作年度报告) found");
    return record;
  }
  if (!report.required_missing.empty()) {
    std::string names;
    for (const std::string& t : report.required_missing)
      names += (names.empty() ? "" : ", ") + t;
    record.error = Status::Error(
        "read", "incomplete",
        "table(s) " + names + " not found; the document may be truncated");
    record.partial = std::move(report);
    return record;
  }
  record.report = std::move(report);
  return record;
}

Record ProcessFile(const std::string& path,
                   const std::vector<Extractor>& registry,
                   const std::vector<RuleSet>& rules, const Limits& limits) {
  Record record;
  record.source.path = path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    record.error =
        Status::Error("open", "not_found",
                      std::filesystem::exists(path, ec) ? "not a regular file"
                                                        : "no such file");
    return record;
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    record.error = Status::Error("open", "unreadable", ec.message());
    return record;
  }
  if (size > limits.max_file_bytes) {
    record.source.bytes = size;
    record.error = Status::Error(
        "open", "limit_file_size",
        "file of " + std::to_string(size) + " bytes exceeds the limit of " +
            std::to_string(limits.max_file_bytes) + " bytes");
    return record;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    record.error = Status::Error("open", "unreadable", "cannot read the file");
    return record;
  }
  return ProcessBytes(path, bytes, registry, rules, limits);
}

}  // namespace gongkai
