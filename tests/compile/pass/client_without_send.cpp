#include <guildgate/discord/client.hpp>

struct send_transport {
    guildgate::http_result send(const guildgate::http_request&)
    {
        return guildgate::http_response{200, {}, "{}"};
    }
};

send_transport transport;
guildgate::discord::client<send_transport> client(transport);
