#pragma once

// Helpers for the fault matrix test: a temporary directory, a file's SHA-256, a loopback port
// with nothing listening, and a listener that records whether anything connected to it.

#include <openssl/evp.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace guildgate::faults {

// A new directory under the system temporary directory, removed with its contents.
class temporary_directory {
public:
    temporary_directory()
    {
        auto pattern =
            (std::filesystem::temp_directory_path() / "guildgate-faults-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed for \"" + pattern +
                                     "\": " + std::strerror(errno));
        path_ = pattern;
    }

    temporary_directory(const temporary_directory&) = delete;
    temporary_directory& operator=(const temporary_directory&) = delete;

    ~temporary_directory()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }

    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Returns the lower-case hex SHA-256 of the file's bytes.
inline std::string sha256_of_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open \"" + path + "\" to hash it");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("EVP_Digest(SHA-256) failed for \"" + path + "\"");

    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 15];
    }
    return text;
}

// A TCP socket bound to 127.0.0.1 on a port that the system picks. With listen() it accepts
// connections, which accepted_any() then reports without blocking. Without listen() the port
// stays reserved and refuses connections.
class loopback_socket {
public:
    explicit loopback_socket(bool listen_for_connections)
        : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0))
    {
        if (fd_ < 0)
            throw std::runtime_error(std::string("socket() failed: ") + std::strerror(errno));

        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t size = sizeof address;
        bool bound = ::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0;
        if (!bound || (listen_for_connections && ::listen(fd_, 16) != 0)) {
            int failure = errno;
            ::close(fd_);
            throw std::runtime_error(std::string("binding a loopback port failed: ") +
                                     std::strerror(failure));
        }
        port_ = ntohs(address.sin_port);
    }

    loopback_socket(const loopback_socket&) = delete;
    loopback_socket& operator=(const loopback_socket&) = delete;

    ~loopback_socket() { ::close(fd_); }

    std::uint16_t port() const noexcept { return port_; }

    // Returns whether a connection is waiting to be accepted or was accepted before.
    bool accepted_any()
    {
        int connection = ::accept(fd_, nullptr, nullptr);
        if (connection >= 0) {
            ::close(connection);
            accepted_ = true;
        }
        return accepted_;
    }

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
    bool accepted_ = false;
};

} // namespace guildgate::faults
