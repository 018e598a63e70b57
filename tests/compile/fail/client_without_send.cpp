// expect: guildgate::discord::client: the transport does not satisfy http_transport
#include <guildgate/discord/client.hpp>

struct no_send_transport {};

no_send_transport transport;
guildgate::discord::client<no_send_transport> client(transport);
