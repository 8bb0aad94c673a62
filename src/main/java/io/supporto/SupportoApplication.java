package io.supporto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// the nightly purge of retention.DataRetention
@EnableScheduling
public class SupportoApplication {

    public static void main(String[] args) {
        // Jakarta Mail (for every body part) and the JDK's DatatypeFactory (for every retry cycle the
        // engine parses) look their implementation up anew each time, through java.util.ServiceLoader
        // unless a system property names it; inside the Spring Boot jar that scan of every nested jar
        // cost more CPU than the rest of a mail delivery.
        System.setProperty("jakarta.mail.util.StreamProvider",
                System.getProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        System.setProperty("javax.xml.datatype.DatatypeFactory", System.getProperty("javax.xml.datatype.DatatypeFactory",
                "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl"));
        SpringApplication.run(SupportoApplication.class, args);
    }
}
