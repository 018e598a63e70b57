#pragma once

// The single version source: CMake and Meson read these three lines.
#define GUILDGATE_VERSION_MAJOR 0
#define GUILDGATE_VERSION_MINOR 1
#define GUILDGATE_VERSION_PATCH 0

#define GUILDGATE_VERSION_STRING "0.1.0"

// Project URL sent in the User-Agent that Discord requires ("DiscordBot (url, version)").
#define GUILDGATE_PROJECT_URL "https://github.com/guildgate/guildgate"
