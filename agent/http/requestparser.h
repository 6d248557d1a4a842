// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <variant>

namespace Haven {

// A request head the agent accepts: request line and headers, without the body.
struct RequestHead
{
    HttpRequest request; // method, path, query and headers; no body, no peer
    qint64 contentLength = 0;
    bool closeAfterResponse = false;
    bool expectContinue = false;
};

// Why a request head is refused, as the agent answers it.
struct RequestError
{
    int status = 400;
    QString code;
    QString message;
};

// Where the head ends in what has arrived so far: the index of the blank line's "\r\n\r\n",
// -1 when more bytes are needed. A bare LF ends nothing: it is refused by parseRequestHead.
qsizetype findRequestHeadEnd(QByteArrayView buffer);

// True when the bytes so far can never become a valid head (a bare LF line break), so the
// connection is refused before the header limit is reached.
bool hasBareLineFeed(QByteArrayView buffer);

// Parses the head (the bytes before "\r\n\r\n") strictly, as RFC 9112 asks of a server that
// must not be fooled by a proxy in front of it: CRLF line ends only, no obs-fold, no space
// before a header's colon, one Host (required in HTTP/1.1), one Content-Length, one
// Authorization, no Transfer-Encoding, and a length within the limits.
std::variant<RequestHead, RequestError> parseRequestHead(QByteArrayView head, const HttpLimits &limits);

} // namespace Haven
