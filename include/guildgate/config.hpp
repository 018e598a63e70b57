#pragma once

// How guildgate's functions are compiled.
//
// By default guildgate is header-only: every function is defined in the headers, and each
// translation unit that uses one compiles it. Define GUILDGATE_SEPARATE_COMPILATION in every
// translation unit of a program (for example with -DGUILDGATE_SEPARATE_COMPILATION) to compile
// them once instead: the headers then declare the client, the engine, the built-in rules and
// the in-memory transport and repository, and exactly one source file of the program includes
// <guildgate/src.hpp>, which defines them. Templates such as pipeline, all_of and evaluate
// stay in the headers in both modes.
#ifdef GUILDGATE_SEPARATE_COMPILATION
#define GUILDGATE_DECL
#else
#define GUILDGATE_DECL inline
#endif
