// The headers of policy_only.cpp with a trivial main: the part of its compile cost that is
// parsing, without instantiating or generating code for the pipeline.
#include <guildgate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/memory.hpp>

int main()
{
    return 0;
}
