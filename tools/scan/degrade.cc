// Makes a clean page image look scanned or photographed, for the scanned
// corpus (tools/scan/make_corpus.sh): rotation, blur, noise, faint ink, a
// red seal stamped over the page, a slight perspective, JPEG. Deterministic
// for a seed. Leptonica only (the OCR module's own library).
//
// Usage: degrade IN OUT [--skew DEG] [--blur PX] [--noise SIGMA]
//        [--faint LEVEL] [--seal] [--perspective FRACTION] [--jpeg QUALITY]
//        [--seed N]
// OUT ends in .jpg (written at --jpeg quality, 75 by default) or .png.
#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: degrade IN OUT [options]\n");
    return 2;
  }
  double skew = 0, blur = 0, noise = 0, faint = 0, perspective = 0;
  int quality = 75, seed = 1;
  bool seal = false;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::atof(argv[++i]) : 0.0; };
    if (a == "--skew")
      skew = next();
    else if (a == "--blur")
      blur = next();
    else if (a == "--noise")
      noise = next();
    else if (a == "--faint")
      faint = next();
    else if (a == "--perspective")
      perspective = next();
    else if (a == "--jpeg")
      quality = static_cast<int>(next());
    else if (a == "--seed")
      seed = static_cast<int>(next());
    else if (a == "--seal")
      seal = true;
    else {
      std::fprintf(stderr, "degrade: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  PIX* page = pixRead(argv[1]);
  if (!page) return 1;
  PIX* pix = pixConvertTo32(page);
  pixDestroy(&page);
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  std::mt19937 rng(seed);
  if (seal) {  // a red ring with a star, as official seals are
    const int cx = w * 3 / 5, cy = h / 3, r = w / 9;
    for (int y = cy - r; y <= cy + r; ++y) {
      for (int x = cx - r; x <= cx + r; ++x) {
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const double d = std::hypot(x - cx, y - cy);
        const bool ring = d > r * 0.9 && d <= r;
        const bool star =
            d < r * 0.25 && std::abs(x - cx) + std::abs(y - cy) < r * 0.25;
        if (!ring && !star) continue;
        l_int32 rv, gv, bv;
        pixGetRGBPixel(pix, x, y, &rv, &gv, &bv);
        // ink multiplies: a red stamp over black text stays dark
        pixSetRGBPixel(pix, x, y, rv * 230 / 255, gv * 40 / 255, bv * 40 / 255);
      }
    }
  }
  if (faint > 0) {  // ink lighter: black becomes grey of `faint` (0..255)
    PIX* lighter =
        pixGammaTRC(nullptr, pix, 1.0, static_cast<int>(-faint), 255);
    pixDestroy(&pix);
    pix = lighter;
  }
  if (perspective > 0) {  // the top edge narrower, as a phone held low
    const float dx = static_cast<float>(w * perspective);
    PTA* from = ptaCreate(4);
    PTA* to = ptaCreate(4);
    ptaAddPt(from, 0, 0), ptaAddPt(from, w, 0), ptaAddPt(from, w, h),
        ptaAddPt(from, 0, h);
    ptaAddPt(to, dx, 0), ptaAddPt(to, w - dx, 0), ptaAddPt(to, w, h),
        ptaAddPt(to, 0, h);
    PIX* warped = pixProjectivePta(pix, to, from, L_BRING_IN_WHITE);
    ptaDestroy(&from);
    ptaDestroy(&to);
    pixDestroy(&pix);
    pix = warped;
  }
  if (skew != 0) {
    PIX* rotated = pixRotate(pix, static_cast<float>(skew * M_PI / 180),
                             L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    pixDestroy(&pix);
    pix = rotated;
  }
  if (blur > 0) {
    PIX* blurred =
        pixBlockconv(pix, static_cast<int>(blur), static_cast<int>(blur));
    pixDestroy(&pix);
    pix = blurred;
  }
  if (noise > 0) {
    std::normal_distribution<double> n(0, noise);
    for (int y = 0; y < pixGetHeight(pix); ++y) {
      for (int x = 0; x < pixGetWidth(pix); ++x) {
        l_int32 rv, gv, bv;
        pixGetRGBPixel(pix, x, y, &rv, &gv, &bv);
        const double e = n(rng);
        auto clamp = [&](double v) {
          return static_cast<l_int32>(std::fmin(255, std::fmax(0, v + e)));
        };
        pixSetRGBPixel(pix, x, y, clamp(rv), clamp(gv), clamp(bv));
      }
    }
  }
  const std::string out = argv[2];
  const bool colour = seal;
  PIX* final_pix = colour ? pixClone(pix) : pixConvertRGBToLuminance(pix);
  int rc = 0;
  if (out.size() > 4 && out.substr(out.size() - 4) == ".png") {
    rc = pixWrite(out.c_str(), final_pix, IFF_PNG);
  } else {
    rc = pixWriteJpeg(out.c_str(), final_pix, quality, 0);
  }
  pixDestroy(&final_pix);
  pixDestroy(&pix);
  return rc == 0 ? 0 : 1;
}
