// SHA-256 of a byte string, as lower-case hex: the identity of an input file
// in the output and the dataset (FIPS 180-4).
#ifndef GONGKAI_SRC_MODEL_SHA256_H_
#define GONGKAI_SRC_MODEL_SHA256_H_

#include <string>
#include <string_view>

namespace gongkai {

// Returns the 64-character lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

// Returns Sha256Hex(data) computed with the portable block function, even
// on a processor with SHA-NI (for tests that compare both).
std::string Sha256HexPortable(std::string_view data);

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_SHA256_H_
