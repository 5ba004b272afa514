package org.practiceatlas.elasticsearch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a single-node Elasticsearch 8 on the loopback address for tests and development.
 *
 * Settings come from system properties: {@code atlas.es.home} (required: config, data and logs go there),
 * {@code atlas.es.host} (127.0.0.1), {@code atlas.es.port} (9200) and {@code atlas.es.transport_port} (9300).
 * No security (no x-pack is on the classpath), one node, one data folder; it runs until killed.
 */
public final class Launcher {

    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,
        TurkishAnalysisPlugin.class,
        RootInfoPlugin.class
    );

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String homeProperty = System.getProperty("atlas.es.home");
        if (homeProperty == null || homeProperty.isBlank()) {
            System.err.println("Set -Datlas.es.home=<folder> (config, data and logs are written there).");
            System.exit(2);
        }
        Path home = Path.of(homeProperty).toAbsolutePath();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        copyResource("log4j2.properties", config.resolve("log4j2.properties"));
        if (Files.exists(config.resolve("elasticsearch.yml")) == false) {
            Files.writeString(config.resolve("elasticsearch.yml"), "# settings come from the launcher\n");
        }

        String nodeName = "atlas-dev";
        String clusterName = "practice-atlas-dev";
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("discovery.type", "single-node")
            .put("network.host", System.getProperty("atlas.es.host", "127.0.0.1"))
            .put("http.port", System.getProperty("atlas.es.port", "9200"))
            .put("transport.port", System.getProperty("atlas.es.transport_port", "9300"))
            // A development node on a small disk: do not turn indices read-only at 95 % full.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
        LogConfigurator.setClusterName(clusterName);
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathNode(environment, PLUGINS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "atlas-es-shutdown"));
        node.start();
        System.out.println("Elasticsearch " + org.elasticsearch.Build.current().version() + " is up: http://"
            + settings.get("network.host") + ":" + settings.get("http.port"));
        stopped.await();
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the launcher jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
