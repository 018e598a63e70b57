// The source file of the guildgate::compiled library (CMake) and guildgate_compiled_dep
// (Meson): guildgate's functions, compiled once with GUILDGATE_SEPARATE_COMPILATION.
#include <guildgate/src.hpp>
