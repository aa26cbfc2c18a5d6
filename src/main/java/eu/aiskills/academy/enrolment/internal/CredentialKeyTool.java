package eu.aiskills.academy.enrolment.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Writes a new credential-signing key set for a production installation, without starting the
 * application (README, Deployment):
 * {@code java -Dloader.main=eu.aiskills.academy.enrolment.internal.CredentialKeyTool -cp academy.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher credentials.jwks.json}
 */
public final class CredentialKeyTool {

    private CredentialKeyTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: CredentialKeyTool <file to create>, for example credentials.jwks.json");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        if (Files.exists(file)) {
            System.err.println(file + " exists already; keys are never overwritten (rotate them in the application).");
            System.exit(1);
        }
        var key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyID(java.time.LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            System.err.println("Restrict access to " + file + " yourself: it holds a private key.");
        }
        Files.writeString(file, new JWKSet(key).toString(false));
        System.out.println("Created " + file + " with signing key " + key.getKeyID());
    }
}
