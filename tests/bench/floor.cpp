// The floor of the compile-cost comparison: the Boost.Hana and Boost.JSON umbrella headers
// that a guildgate policy builds on, and nothing of guildgate.
#include <boost/hana.hpp>
#include <boost/json.hpp>

int main()
{
    return 0;
}
