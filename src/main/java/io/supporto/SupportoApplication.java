package io.supporto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportoApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportoApplication.class, args);
    }
}
