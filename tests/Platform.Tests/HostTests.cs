using System.Net;
using Testing;

namespace Platform.Tests;

public sealed class HostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_answers_200_when_PostgreSQL_answers()
    {
        var response = await api.Anonymous().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var body = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        body["paths"]!["/api/colleges"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Scalar_serves_the_API_reference()
    {
        var response = await api.Anonymous().GetAsync("/scalar/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("毕业生生源信息核验 API");
    }

    [Fact]
    public async Task An_unknown_api_route_is_not_a_server_error()
    {
        var response = await api.Anonymous().GetAsync("/api/no-such-thing");
        ((int)response.StatusCode).ShouldBeLessThan(500);
    }
}
