// The per-file pipeline; see pipeline.h.
#include "src/pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "src/model/sha256.h"
#include "src/normalize/normalize.h"
#include "src/normalize/view.h"
#include "src/read/metadata.h"
#include "src/read/prose.h"
#include "src/read/reader.h"
#include "src/reconcile/reconcile.h"

namespace gongkai {

Status ReadInputFile(const std::string& path, const Limits& limits,
                     std::string* bytes, Source* source) {
  // Opened without blocking (a FIFO does not wait for a writer) and checked
  // with fstat on the descriptor read from, so that what is checked is what
  // is read.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR)
      return Status::NotFound("open", "no such file");
    return Status::Error(
        "open", "unreadable",
        std::string("cannot open the file: ") + std::strerror(err));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::NotFound("open", "not a regular file");
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  source->bytes = size;
  if (size > limits.max_file_bytes) {
    close(fd);
    return Status::LimitExceeded(
        "open", "file_size",
        "file of " + std::to_string(size) + " bytes exceeds the limit of " +
            std::to_string(limits.max_file_bytes) + " bytes");
  }
  bytes->assign(size, '\0');
  size_t done = 0;
  while (done < size) {
    const ssize_t n = read(fd, bytes->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  if (done != size)
    return Status::Error("open", "unreadable", "cannot read the file");
  return Status::Ok();
}

namespace {

// Sniffs and extracts; fills `source` as far as it gets.
StatusOr<Document> ExtractBytes(std::string_view bytes,
                                const Registry& registry, const Limits& limits,
                                const Lexicon& lexicon, Source* source) {
  source->bytes = bytes.size();
  if (source->sha256.empty()) source->sha256 = Sha256Hex(bytes);
  StatusOr<const Extractor*> sniffed = registry.Sniff(bytes);
  if (!sniffed.ok()) return sniffed.status();
  const Extractor* extractor = *sniffed;
  source->format = extractor->format;
  if (!extractor->extract) {
    return Status::Error(
        "extract", "unsupported_format",
        "no extractor for " + extractor->format + " files in this build");
  }
  StatusOr<Document> doc = extractor->extract(bytes, limits, lexicon);
  if (!doc.ok()) return doc.status();
  source->encoding = doc->source.encoding;
  source->ocr_pages = doc->source.ocr_pages;
  doc->source = *source;
  return doc;
}

// Normalizes `doc`, picks its rule set, reads and reconciles. Returns an
// empty report when no rule set fits, the picked file's errors when it
// does not compile.
StatusOr<Report> NormalizeAndRead(Document& doc, const RuleLibrary& rules,
                                  const Divisions* divisions) {
  Normalize(doc);
  const DocumentView view = BuildView(doc, rules.lexicon());
  StatusOr<const RuleSet*> set = rules.Choose(view);
  if (!set.ok()) return set.status();
  if (!*set) return Report();
  Report report = ReadReport(view, **set);
  // What the extractor met comes first, then what the reader met.
  report.diagnostics.insert(report.diagnostics.begin(), doc.diagnostics.begin(),
                            doc.diagnostics.end());
  ReadProse(view, **set, &report);
  ReadMetadata(view, **set, divisions, &report);
  Reconcile(**set, report);
  return report;
}

}  // namespace

Report ReadAndReconcile(Document& doc, const RuleLibrary& rules,
                        const Divisions* divisions) {
  StatusOr<Report> report = NormalizeAndRead(doc, rules, divisions);
  return report.ok() ? std::move(*report) : Report();
}

StatusOr<Document> ExtractFile(const std::string& path,
                               const Registry& registry, const Limits& limits,
                               const Lexicon& lexicon) {
  Source source;
  source.path = path;
  std::string bytes;
  Status s = ReadInputFile(path, limits, &bytes, &source);
  if (!s.ok()) return s;
  return ExtractBytes(bytes, registry, limits, lexicon, &source);
}

Record ProcessBytes(const std::string& path, std::string_view bytes,
                    const Registry& registry, const RuleLibrary& rules,
                    const Limits& limits, const Divisions* divisions,
                    std::string_view sha256) {
  Record record;
  record.source.path = path;
  record.source.sha256 = std::string(sha256);
  rules.CompileInBackground();  // while the document is extracted
  StatusOr<Document> doc =
      ExtractBytes(bytes, registry, limits, rules.lexicon(), &record.source);
  if (!doc.ok()) {
    record.error = doc.status();
    return record;
  }
  record.pages = doc->pages;
  record.ocr_pages = doc->source.ocr_pages;
  record.metadata = doc->metadata;
  StatusOr<Report> read = NormalizeAndRead(*doc, rules, divisions);
  if (!read.ok()) {
    record.error = read.status();
    return record;
  }
  Report report = std::move(*read);
  if (report.figures.empty()) {
    record.error = Status::Error("read", "not_a_report",
                                 "no table of an annual report (" +
                                     rules.lexicon().ReportName() + ") found");
    return record;
  }
  // A table not found is a warning naming it; every figure read is kept
  // and the report stays a report (its coverage says what is missing).
  for (const TableCoverage& t : report.coverage.tables) {
    if (t.read > 0 || t.expected == 0) continue;
    Finding f;
    f.check = "table." + t.table;
    f.severity = Severity::kWarning;
    f.result = CheckResult::kTableNotFound;
    f.cells = t.missing;
    f.message = "table " + t.table + " not found: its " +
                std::to_string(t.expected) + " cells are missing";
    report.findings.push_back(std::move(f));
  }
  record.report = std::move(report);
  return record;
}

Record ProcessFile(const std::string& path, const Registry& registry,
                   const RuleLibrary& rules, const Limits& limits,
                   const Divisions* divisions) {
  Record record;
  record.source.path = path;
  std::string bytes;
  Status s = ReadInputFile(path, limits, &bytes, &record.source);
  if (!s.ok()) {
    record.error = s;
    return record;
  }
  return ProcessBytes(path, bytes, registry, rules, limits, divisions);
}

}  // namespace gongkai
