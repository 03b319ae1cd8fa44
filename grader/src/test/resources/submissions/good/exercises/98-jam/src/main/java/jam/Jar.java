package jam;

public class Jar {
    public String spread(String on) {
        return on + " with jam";
    }
}
