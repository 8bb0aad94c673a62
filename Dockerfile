# syntax=docker/dockerfile:1
# Build stage: the Maven build, dependencies cached in their own layer.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -q dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN mvn -q package -DskipTests

# Runtime stage: a JRE and the application jar, run as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system supporto && useradd --system --gid supporto --uid 10001 --home-dir /app supporto \
    && mkdir -p /app/data && chown -R supporto:supporto /app
WORKDIR /app
COPY --from=build /src/target/supporto-*.jar /app/supporto.jar
USER supporto
EXPOSE 8080
# the "node" health group: database, engine and job executor (not SMTP: mails wait and retry)
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/node || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/supporto.jar"]
