using System.Collections.Concurrent;
using System.Net;
using BuildingBlocks.Actors;
using Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Testing;
using Wolverine.Tracking;

namespace Identity.Tests.Auth;

/// <summary>
/// A stand-in for WeChat's API on 127.0.0.1: <c>GET /sns/oauth2/access_token</c> answers an openid for codes that start
/// with "good-" and the app id/secret below, else WeChat's error shape; like WeChat, it labels its JSON text/plain.
/// </summary>
public sealed class FakeWeChatServer : IAsyncDisposable
{
    public const string AppId = "wx-test-app";
    public const string Secret = "wx-test-secret";

    private readonly WebApplication _app;

    public ConcurrentQueue<IQueryCollection> Requests { get; } = new();

    public string BaseUrl { get; }

    private FakeWeChatServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeWeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeWeChatServer? server = null;
        app.MapGet("/sns/oauth2/access_token", (HttpRequest request) =>
        {
            server!.Requests.Enqueue(request.Query);
            var code = request.Query["code"].ToString();
            var json = request.Query["appid"] == AppId && request.Query["secret"] == Secret
                && request.Query["grant_type"] == "authorization_code" && code.StartsWith("good-", StringComparison.Ordinal)
                ? $$"""{"access_token":"at-{{code}}","expires_in":7200,"refresh_token":"rt","openid":"openid-{{code}}","scope":"snsapi_base"}"""
                : """{"errcode":40029,"errmsg":"invalid code"}""";
            return Results.Text(json, "text/plain");
        });
        await app.StartAsync();
        server = new FakeWeChatServer(app, app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class WeChatApiFactory(PostgresServer server) : ApiFactory(server)
{
    public FakeWeChatServer WeChat { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        WeChat = await FakeWeChatServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:WeChat:AppId", FakeWeChatServer.AppId);
        builder.UseSetting("Identity:WeChat:Secret", FakeWeChatServer.Secret);
        builder.UseSetting("Identity:WeChat:BaseUrl", WeChat.BaseUrl);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await WeChat.DisposeAsync();
    }
}

public sealed class WeChatTests(WeChatApiFactory api) : IClassFixture<WeChatApiFactory>
{
    [Fact]
    public async Task A_student_binds_WeChat_through_the_OAuth_exchange_and_unbinds_it()
    {
        var idNumber = await api.StudentAsync("2026700001");
        var student = api.WithToken(await api.TokenAsync("2026700001", idNumber[^6..]));

        var bound = await (await student.PostJsonAsync("/api/auth/wechat/bind", new { code = "good-abc" })).ShouldBeAsync(HttpStatusCode.OK);
        bound["weChatBound"]!.GetValue<bool>().ShouldBeTrue();
        (await student.MeAsync())["weChatBound"]!.GetValue<bool>().ShouldBeTrue();
        var call = api.WeChat.Requests.Last();
        call["appid"].ToString().ShouldBe(FakeWeChatServer.AppId);
        call["secret"].ToString().ShouldBe(FakeWeChatServer.Secret);
        call["code"].ToString().ShouldBe("good-abc");

        // The reset code now goes to the bound WeChat.
        var tracked = await api.TrackAsync(() => api.Anonymous().PostJsonAsync("/api/auth/password-reset/request", new { username = "2026700001" }));
        tracked.Sent.MessagesOf<PasswordResetRequested>().ShouldHaveSingleItem().WeChatOpenId.ShouldBe("openid-good-abc");

        await (await student.DeleteAsync("/api/auth/wechat")).ShouldBeAsync(HttpStatusCode.NoContent);
        (await student.MeAsync())["weChatBound"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_code_WeChat_refuses_answers_400_and_binds_nothing()
    {
        var idNumber = await api.StudentAsync("2026700002");
        var student = api.WithToken(await api.TokenAsync("2026700002", idNumber[^6..]));
        var body = await (await student.PostJsonAsync("/api/auth/wechat/bind", new { code = "expired-code" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wechat.exchange-failed");
        body["detail"]!.GetValue<string>().ShouldContain("40029");
        (await student.MeAsync())["weChatBound"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Only_students_bind_and_nobody_binds_without_a_token()
    {
        var staff = await api.ClientForAsync(new Actor("t101", Roles.College, "101", null));
        await (await staff.PostJsonAsync("/api/auth/wechat/bind", new { code = "good-x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.Anonymous().PostJsonAsync("/api/auth/wechat/bind", new { code = "good-x" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}
