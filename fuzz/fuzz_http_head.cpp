// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's request-head parser: any bytes a client sends before its body.
#include "fuzzsupport.h"

#include "agent/http/requestparser.h"

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 65536;

    const qsizetype end = findRequestHeadEnd(input);
    const QByteArrayView head = end < 0 ? QByteArrayView(input) : QByteArrayView(input).first(end);
    const auto parsed = parseRequestHead(head, limits);
    if (const auto *error = std::get_if<RequestError>(&parsed)) {
        Fuzz::require(error->status >= 400 && error->status < 600, "an error has an error status");
        Fuzz::require(!error->code.isEmpty() && !error->message.isEmpty(), "an error says what happened");
        return 0;
    }
    // What was accepted is what the handlers rely on.
    const RequestHead &accepted = std::get<RequestHead>(parsed);
    Fuzz::require(!hasBareLineFeed(head), "a bare LF was accepted");
    Fuzz::require(!accepted.request.method.isEmpty(), "an empty method was accepted");
    Fuzz::require(accepted.request.path.startsWith(QLatin1Char('/')), "a path not starting with / was accepted");
    Fuzz::require(accepted.contentLength >= 0 && accepted.contentLength <= limits.maxBodyBytes,
                  "a Content-Length outside the limits was accepted");
    Fuzz::require(!accepted.request.headers.contains("transfer-encoding"), "a Transfer-Encoding was accepted");
    for (auto it = accepted.request.headers.cbegin(); it != accepted.request.headers.cend(); ++it) {
        Fuzz::require(it.key() == it.key().toLower(), "a header name is not in lower case");
        Fuzz::require(!it.value().contains('\n') && !it.value().contains('\r'), "a header value holds a line break");
    }
    return 0;
}
