// Bounded reading of zip members with libzip (internal to the DOCX
// extractor).
#ifndef GONGKAI_EXTRACTORS_DOCX_DOCX_ZIP_H_
#define GONGKAI_EXTRACTORS_DOCX_DOCX_ZIP_H_

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

#include "extractors/docx/libzip_loader.h"
#include "src/model/extractor.h"

namespace gongkai {

class ZipReader {
 public:
  // Opens a zip held in `bytes` (which must outlive the reader). Fails with
  // "bad_zip" or "limit_zip_members", or "no_libzip" if libzip cannot be
  // loaded.
  static StatusOr<std::unique_ptr<ZipReader>> Open(std::string_view bytes,
                                                   const Limits& limits);
  ~ZipReader();

  // Returns true iff the archive has a member of that exact name.
  bool Has(const std::string& name) const;
  // Returns the inflated member, or "limit_unzipped_size" once more than
  // the limit has been inflated (whatever the header claims).
  StatusOr<std::string> Read(const std::string& name);

 private:
  ZipReader(const LibZip* zip, zip_t* archive, const Limits& limits)
      : zip_(zip), archive_(archive), limits_(limits) {}
  const LibZip* zip_;
  zip_t* archive_;
  Limits limits_;
  uint64_t inflated_ = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_DOCX_DOCX_ZIP_H_
