// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestparser.h"

#include <QUrl>

namespace Haven {

namespace {

constexpr int MaxHeaderLines = 100;

// RFC 9110 token characters: what a method and a header name are made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Field values may hold visible characters, spaces, tabs and obs-text; never other controls.
bool isFieldValue(QByteArrayView value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

QByteArrayView trimmedSpaces(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

RequestError badRequest(const QString &message)
{
    return RequestError{400, QStringLiteral("bad_request"), message};
}

// Headers a request may carry once: a second copy is how request smuggling and token
// confusion start, so it is refused instead of picking one.
bool isSingleton(QByteArrayView lowerName)
{
    return lowerName == "host" || lowerName == "content-length" || lowerName == "authorization"
           || lowerName == "content-type" || lowerName == "expect" || lowerName == "connection";
}

} // namespace

qsizetype findRequestHeadEnd(QByteArrayView buffer)
{
    return buffer.indexOf("\r\n\r\n");
}

bool hasBareLineFeed(QByteArrayView buffer)
{
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        if (buffer.at(i) == '\n' && (i == 0 || buffer.at(i - 1) != '\r'))
            return true;
    }
    return false;
}

std::variant<RequestHead, RequestError> parseRequestHead(QByteArrayView head, const HttpLimits &limits)
{
    if (head.size() > limits.maxHeaderBytes) {
        return RequestError{431, QStringLiteral("header_too_large"),
                            QStringLiteral("request headers exceed %1 bytes").arg(limits.maxHeaderBytes)};
    }
    if (hasBareLineFeed(head))
        return badRequest(QStringLiteral("a line ends with a bare LF; HTTP needs CRLF"));

    QList<QByteArrayView> lines;
    for (qsizetype start = 0;;) {
        const qsizetype end = head.indexOf("\r\n", start);
        lines.append(head.sliced(start, (end < 0 ? head.size() : end) - start));
        if (end < 0)
            break;
        start = end + 2;
    }
    if (lines.size() > MaxHeaderLines + 1) {
        return RequestError{431, QStringLiteral("header_too_large"),
                            QStringLiteral("more than %1 header lines").arg(MaxHeaderLines)};
    }
    if (std::any_of(lines.begin(), lines.end(), [](QByteArrayView line) { return line.contains('\r'); }))
        return badRequest(QStringLiteral("a bare CR in the request head"));

    RequestHead result;
    HttpRequest &request = result.request;

    const QList<QByteArray> requestLine = lines.first().toByteArray().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return badRequest(QStringLiteral("malformed request line"));
    const QByteArray &version = requestLine.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return RequestError{505, QStringLiteral("http_version"),
                            QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served")};
    }
    if (!isToken(requestLine.at(0)))
        return badRequest(QStringLiteral("malformed request method"));
    request.method = requestLine.at(0);
    const QByteArray &target = requestLine.at(1);
    if (!target.startsWith('/'))
        return badRequest(QStringLiteral("the request target must be a path"));
    const qsizetype question = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(target.left(question < 0 ? target.size() : question));
    if (request.path.contains(QChar(0)))
        return badRequest(QStringLiteral("the request path holds a NUL character"));
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return badRequest(QStringLiteral("folded header lines (obs-fold) are not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return badRequest(QStringLiteral("malformed header line"));
        const QByteArrayView name = line.first(colon);
        if (!isToken(name)) {
            return badRequest(name.endsWith(' ') || name.endsWith('\t')
                                  ? QStringLiteral("white space before a header's colon")
                                  : QStringLiteral("malformed header name"));
        }
        const QByteArrayView value = trimmedSpaces(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return badRequest(QStringLiteral("a control character in a header value"));
        const QByteArray lowerName = name.toByteArray().toLower();
        auto existing = request.headers.find(lowerName);
        if (existing == request.headers.end()) {
            request.headers.insert(lowerName, value.toByteArray());
        } else if (isSingleton(lowerName)) {
            return badRequest(QStringLiteral("the %1 header appears twice").arg(QString::fromLatin1(lowerName)));
        } else {
            *existing += ", " + value.toByteArray(); // RFC 9110 5.3: a list, in order
        }
    }

    if (version == "HTTP/1.1" && !request.headers.contains("host"))
        return badRequest(QStringLiteral("an HTTP/1.1 request needs a Host header"));
    const QByteArray connection = request.header("connection").toLower();
    result.closeAfterResponse = version == "HTTP/1.0" ? !connection.contains("keep-alive")
                                                      : connection.contains("close");
    if (request.headers.contains("transfer-encoding")) {
        return RequestError{501, QStringLiteral("chunked_body"),
                            QStringLiteral("chunked request bodies are not supported; send Content-Length")};
    }
    if (request.headers.contains("content-length")) {
        const QByteArray text = request.header("content-length");
        const bool digitsOnly = !text.isEmpty() && text.size() <= 18
                                && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digitsOnly)
            return badRequest(QStringLiteral("invalid Content-Length"));
        result.contentLength = text.toLongLong();
    } else if (request.method == "POST" || request.method == "PUT") {
        return RequestError{411, QStringLiteral("length_required"),
                            QStringLiteral("a request with a body needs Content-Length")};
    }
    if (result.contentLength > limits.maxBodyBytes) {
        return RequestError{413, QStringLiteral("body_too_large"),
                            QStringLiteral("the body has %1 bytes; the limit is %2")
                                .arg(result.contentLength)
                                .arg(limits.maxBodyBytes)};
    }
    result.expectContinue = request.header("expect").toLower() == "100-continue";
    return result;
}

} // namespace Haven
