// ZipReader: libzip adapter with limits, through the lazily loaded libzip
// (libzip_loader.h); see docx_zip.h.
#include "extractors/docx/docx_zip.h"

namespace gongkai {

StatusOr<std::unique_ptr<ZipReader>> ZipReader::Open(std::string_view bytes,
                                                     const Limits& limits) {
  std::string load_error;
  const LibZip* zip = LoadLibZip(&load_error);
  if (!zip) return Status::Error("extract", "no_libzip", load_error);
  zip_error_t error;
  zip->error_init(&error);
  zip_source_t* source =
      zip->source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip->error_fini(&error);
    return Status::Error("extract", "bad_zip", "cannot read the zip archive");
  }
  zip_t* archive = zip->open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    std::string message = zip->error_strerror(&error);
    zip->source_free(source);
    zip->error_fini(&error);
    return Status::Error("extract", "bad_zip",
                         "not a readable zip archive: " + message);
  }
  zip->error_fini(&error);
  const zip_int64_t members = zip->get_num_entries(archive, 0);
  if (members < 0 || members > limits.max_zip_members) {
    zip->discard(archive);
    return Status::LimitExceeded("extract", "zip_members",
                                 "the archive has " + std::to_string(members) +
                                     " members; the limit is " +
                                     std::to_string(limits.max_zip_members));
  }
  return std::unique_ptr<ZipReader>(new ZipReader(zip, archive, limits));
}

ZipReader::~ZipReader() { zip_->discard(archive_); }

bool ZipReader::Has(const std::string& name) const {
  return zip_->name_locate(archive_, name.c_str(), 0) >= 0;
}

StatusOr<std::string> ZipReader::Read(const std::string& name) {
  zip_file_t* file = zip_->fopen(archive_, name.c_str(), 0);
  if (!file)
    return Status::Error("extract", "bad_zip", "cannot open member " + name);
  std::string out;
  char buf[1 << 16];
  while (true) {
    zip_int64_t n = zip_->fread(file, buf, sizeof buf);
    if (n < 0) {
      zip_->fclose(file);
      return Status::Error("extract", "bad_zip",
                           "cannot inflate member " + name);
    }
    if (n == 0) break;
    inflated_ += static_cast<uint64_t>(n);
    if (inflated_ > limits_.max_unzipped_bytes) {
      zip_->fclose(file);
      return Status::LimitExceeded(
          "extract", "unzipped_size",
          "more than " + std::to_string(limits_.max_unzipped_bytes) +
              " bytes inflated (a zip bomb?)");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  zip_->fclose(file);
  return out;
}

}  // namespace gongkai
