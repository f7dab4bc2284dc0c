FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/muster-*.jar muster.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/muster.jar"]
