// A Record: what the pipeline makes of one input file, either a report or
// an error saying what went wrong (and, for a report cut short, what was
// read before the cut). Every input yields exactly one.
#ifndef GONGKAI_SRC_MODEL_RECORD_H_
#define GONGKAI_SRC_MODEL_RECORD_H_

#include <optional>

#include "src/model/document.h"
#include "src/model/report.h"
#include "src/model/status.h"

namespace gongkai {

struct Record {
  Source source;
  int pages = 0;
  int ocr_pages = 0;  // pages read by OCR
  Metadata metadata;
  std::optional<Report> report;  // set iff error.ok()
  Status error;
  // When the error came after reading (an incomplete report), what was read.
  std::optional<Report> partial;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_RECORD_H_
