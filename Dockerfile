# The runbook worker and the sandbox platform, built from this repository (docker-compose.yml
# builds both targets). Stage 1 builds the two exec jars with Maven; each runtime stage is a JRE
# with one jar, running as an unprivileged user.
#   docker build --target worker -t runbook-worker:0.1.0 .
#   docker build --target sandbox -t runbook-sandbox:0.1.0 .

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# Every module's pom first: the reactor needs them all, and the dependency download layer is
# reused until one of them changes.
COPY pom.xml ./
COPY testkit/pom.xml testkit/
COPY lessons/pom.xml lessons/
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY sandbox/pom.xml sandbox/
COPY worker/pom.xml worker/
COPY starter/pom.xml starter/
COPY e2e/pom.xml e2e/
COPY platform-migrations platform-migrations
COPY testkit/src testkit/src
COPY lessons/src lessons/src
COPY workflows/src workflows/src
COPY activities/src activities/src
COPY sandbox/src sandbox/src
COPY worker/src worker/src
RUN mvn -B -ntp -q -pl worker,sandbox -am -DskipTests package

FROM eclipse-temurin:17.0.15_6-jre AS sandbox
WORKDIR /app
COPY --from=build /src/sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar /app/sandbox.jar
USER 10001:10001
EXPOSE 7300 7301
ENTRYPOINT ["java", "-jar", "/app/sandbox.jar"]

# Last, so a plain `docker build .` gives the worker.
FROM eclipse-temurin:17.0.15_6-jre AS worker
WORKDIR /app
COPY --from=build /src/worker/target/runbook-worker-exec.jar /app/worker.jar
USER 10001:10001
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/worker.jar"]
