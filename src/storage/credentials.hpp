#pragma once
// Secrets: passwords are kept only as argon2id hashes (libsodium), session tokens only as their
// BLAKE2b digest, so a copy of the database gives away neither.
#include <string>

namespace sanpi::storage {

// An argon2id hash in libsodium's self-describing string form.
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& password, const std::string& hash);
// A fresh random session token: 32 bytes, hex.
std::string NewSessionToken();
// The digest a token is stored and looked up by.
std::string TokenDigest(const std::string& token);

}  // namespace sanpi::storage
