using System.Text.Json;
using BuildingBlocks.Problems;
using Identity.Accounts;
using Microsoft.Extensions.Logging;

namespace Identity.WeChat;

/// <summary>Exchanges a WeChat web OAuth code (网页授权 code) for the user's openid on our official account.</summary>
public interface IWeChatGateway
{
    /// <summary>The openid; a 400 problem (<c>wechat.exchange-failed</c>) when WeChat refuses the code.</summary>
    Task<string> ExchangeCodeAsync(string code, CancellationToken ct);
}

/// <summary>
/// The real gateway: <c>GET {BaseUrl}sns/oauth2/access_token?appid=…&amp;secret=…&amp;code=…&amp;grant_type=authorization_code</c>,
/// which answers <c>{access_token, expires_in, refresh_token, openid, scope}</c> or <c>{errcode, errmsg}</c>.
/// </summary>
internal sealed class WeChatHttpGateway(HttpClient http, IdentityOptions options, ILogger<WeChatHttpGateway> logger) : IWeChatGateway
{
    public async Task<string> ExchangeCodeAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.WeChatAppId) || string.IsNullOrEmpty(options.WeChatSecret))
            throw new ProblemException(400, IdentityProblems.WeChatFailed, "系统尚未配置微信公众号（Identity:WeChat:AppId / Secret），暂不能绑定。");

        var url = $"{options.WeChatBaseUrl}sns/oauth2/access_token?appid={Uri.EscapeDataString(options.WeChatAppId)}"
            + $"&secret={Uri.EscapeDataString(options.WeChatSecret)}&code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        string body;
        try
        {
            using var response = await http.GetAsync(new Uri(url), ct);
            body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("WeChat OAuth exchange answered HTTP {Status}", (int)response.StatusCode);
                throw Failed();
            }
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "WeChat OAuth exchange failed");
            throw Failed();
        }

        // WeChat often labels JSON as text/plain: parse the text whatever the content type says.
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.TryGetProperty("openid", out var openId) && openId.GetString() is { Length: > 0 } id) return id;
        var errcode = root.TryGetProperty("errcode", out var e1) ? e1.ToString() : "?";
        var errmsg = root.TryGetProperty("errmsg", out var e2) ? e2.GetString() : null;
        logger.LogWarning("WeChat refused the OAuth code: {Errcode} {Errmsg}", errcode, errmsg);
        throw Failed($"微信授权失败（{errcode}），请重新扫码授权。");
    }

    private static ProblemException Failed(string detail = "微信授权失败，请稍后重新扫码授权。") =>
        new(400, IdentityProblems.WeChatFailed, detail, new Dictionary<string, string[]> { ["code"] = [detail] });
}
