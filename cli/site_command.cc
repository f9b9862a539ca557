// `gongkai site --db DB --out DIR`: the audit site (src/site/site.h). Page
// images of PDFs are rendered in a child process per page
// (src/batch/child.h), under the same time and memory limits as a worker,
// and only from a file whose bytes still hash to the report's sha256: a
// PDF that crashes Poppler, hangs, or changed since it was ingested gives
// no image, never a lost site.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "extractors/pdf/pdf_render.h"
#include "src/batch/child.h"
#include "src/model/sha256.h"
#include "src/site/site.h"

namespace gongkai::cli {
namespace {

// Page images at this resolution: cells legible, a page near 1 MB.
constexpr double kPageDpi = 110;

// Returns the PNG of `request`, rendered in a child under the worker's
// limits from the file at its path only if it still hashes to the report's
// sha256; "" (said on stderr) when it could not be.
std::string RenderInChild(const PageImageRequest& request,
                          const Options& options) {
  batch::ChildResult r = batch::RunInChild(
      [&](std::string* failure) {
        std::string bytes;
        std::ifstream in(request.path, std::ios::binary);
        if (in) {
          in.seekg(0, std::ios::end);
          const std::streamoff size = in.tellg();
          if (size > 0 && size <= static_cast<std::streamoff>(
                                      options.limits.max_file_bytes)) {
            bytes.resize(static_cast<size_t>(size));
            in.seekg(0);
            in.read(bytes.data(), size);
          }
        }
        if (bytes.empty() || Sha256Hex(bytes) != request.sha256) {
          *failure = "the file changed or is gone";
          return std::string();
        }
        StatusOr<std::string> png =
            RenderPdfPagePng(bytes, request.page, kPageDpi, request.outlines);
        if (!png.ok()) *failure = png.status().message();
        return png.ok() ? *png : std::string();
      },
      options.timeout_s, options.max_memory_mb);
  if (!r.ok) {
    std::cerr << "gongkai: site: no image of page " << request.page << " of "
              << request.path << " (" << r.code << ": " << r.message << ")\n";
    return "";
  }
  return r.output;
}

}  // namespace

int RunSite(const Options& options) {
  RuleLibrary rules;
  std::unique_ptr<Dataset> dataset;
  if (int code = OpenForReading(options, &rules, &dataset); code != kExitOk)
    return code;
  const PageRenderer render = [&options](const PageImageRequest& request) {
    return RenderInChild(request, options);
  };
  Status s = WriteSite(*dataset, rules, options.site_dir, render);
  if (!s.ok()) {
    std::cerr << "gongkai: " << s.message() << "\n";
    return kExitDataset;
  }
  std::cerr << "gongkai: wrote the site of " << options.db_path << " to "
            << options.site_dir << "/index.html\n";
  return kExitOk;
}

}  // namespace gongkai::cli
