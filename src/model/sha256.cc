// SHA-256 (FIPS 180-4), written from the specification, with the block
// function also written for the x86 SHA extensions (SHA-NI), chosen at run
// time when the processor has them: hashing every input file is on the
// path of every run, and SHA-NI is several times faster.
#include "src/model/sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define GONGKAI_SHA_NI 1
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace gongkai {
namespace {

constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void CompressPortable(std::array<uint32_t, 8>& h, const unsigned char* block) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t{block[4 * i]} << 24) | (uint32_t{block[4 * i + 1]} << 16) |
           (uint32_t{block[4 * i + 2]} << 8) | uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6],
           k = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = k + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) +
                  ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) +
                  ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

#ifdef GONGKAI_SHA_NI
// The same block function with SHA-NI. The instructions keep the state as
// two vectors, (A,B,E,F) and (C,D,G,H), each with the first-named word in
// the highest lane; one SHA256RNDS2 does two rounds and returns the new
// (A,B,E,F), the old one having become the new (C,D,G,H).
__attribute__((target("sha,sse4.1"))) void CompressShaNi(
    std::array<uint32_t, 8>& h, const unsigned char* block) {
  const __m128i abcd = _mm_loadu_si128(reinterpret_cast<__m128i*>(&h[0]));
  const __m128i efgh = _mm_loadu_si128(reinterpret_cast<__m128i*>(&h[4]));
  const __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);  // lanes B A D C
  const __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);  // lanes H G F E
  __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);       // lanes F E B A
  __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);    // lanes H G D C
  const __m128i abef_in = abef, cdgh_in = cdgh;
  // Big-endian words of the block into lanes.
  const __m128i byte_swap =
      _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i w[4];  // message words 4i..4i+3 of the current group, ring of 4
  for (int i = 0; i < 16; ++i) {
    __m128i& words = w[i % 4];
    if (i < 4) {
      words = _mm_shuffle_epi8(
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * i)),
          byte_swap);
    } else {
      // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four at a time.
      const __m128i& w4 = w[i % 4];  // words of group i-4 (overwritten)
      const __m128i& w3 = w[(i + 1) % 4];
      const __m128i& w2 = w[(i + 2) % 4];
      const __m128i& w1 = w[(i + 3) % 4];
      const __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3),
                                            _mm_alignr_epi8(w1, w2, 4));
      words = _mm_sha256msg2_epu32(partial, w1);
    }
    __m128i k_plus_w = _mm_add_epi32(
        words,
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kRound[4 * i])));
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k_plus_w);
    k_plus_w = _mm_shuffle_epi32(k_plus_w, 0x0E);
    // Two rounds later the old (A,B,E,F) is the new (C,D,G,H).
    abef = _mm_sha256rnds2_epu32(abef, cdgh, k_plus_w);
  }
  abef = _mm_add_epi32(abef, abef_in);
  cdgh = _mm_add_epi32(cdgh, cdgh_in);
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]),
                   _mm_blend_epi16(feba, dchg, 0xF0));  // lanes D C B A
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]),
                   _mm_alignr_epi8(dchg, feba, 8));  // lanes H G F E
}
#endif

using CompressFn = void (*)(std::array<uint32_t, 8>&, const unsigned char*);

// Returns the block function for this processor.
CompressFn ChooseCompress() {
#ifdef GONGKAI_SHA_NI
  // CPUID leaf 1: ECX bit 19 is SSE4.1; leaf 7: EBX bit 29 is SHA. (Read
  // directly: not every compiler's __builtin_cpu_supports knows "sha".)
  unsigned a = 0, b = 0, c = 0, d = 0;
  const bool sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19));
  const bool sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
  if (sse41 && sha) return CompressShaNi;
#endif
  return CompressPortable;
}

class Sha256 {
 public:
  explicit Sha256(CompressFn compress) : compress_(compress) {}
  Sha256() {
    static const CompressFn best = ChooseCompress();
    compress_ = best;
  }

  void Update(std::string_view data) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    size_t n = data.size();
    total_ += n;
    if (buffered_ > 0) {
      const size_t take = std::min(n, 64 - buffered_);
      std::memcpy(buffer_ + buffered_, bytes, take);
      buffered_ += take, bytes += take, n -= take;
      if (buffered_ < 64) return;
      compress_(h_, buffer_);
      buffered_ = 0;
    }
    for (; n >= 64; bytes += 64, n -= 64) compress_(h_, bytes);
    std::memcpy(buffer_, bytes, n);
    buffered_ = n;
  }

  std::string Hex() {
    unsigned char tail[128] = {0};
    std::memcpy(tail, buffer_, buffered_);
    tail[buffered_] = 0x80;
    const size_t tail_len = buffered_ + 9 <= 64 ? 64 : 128;
    const uint64_t bits = total_ * 8;
    for (int i = 0; i < 8; ++i)
      tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
    compress_(h_, tail);
    if (tail_len == 128) compress_(h_, tail + 64);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (uint32_t word : h_) {
      for (int shift = 28; shift >= 0; shift -= 4)
        out += kHex[(word >> shift) & 0xf];
    }
    return out;
  }

 private:
  CompressFn compress_;
  std::array<uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char buffer_[64] = {0};
  size_t buffered_ = 0;
  uint64_t total_ = 0;
};

}  // namespace

std::string Sha256Hex(std::string_view data) {
  Sha256 sha;
  sha.Update(data);
  return sha.Hex();
}

std::string Sha256HexPortable(std::string_view data) {
  Sha256 sha(CompressPortable);
  sha.Update(data);
  return sha.Hex();
}

}  // namespace gongkai
