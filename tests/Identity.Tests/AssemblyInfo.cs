[assembly: AssemblyFixture(typeof(Testing.PostgresServer))]
